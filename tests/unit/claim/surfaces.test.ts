import { describe, expect, it } from 'vitest';
import { parseSurfaces, surfacesWrongForPosition } from '../../../lib/claim/surfaces';

describe('tooth surfaces', () => {
  it.each(['MOD', 'mod', 'M,O,D', 'm o d', 'D-O-M'])('reads %j as three surfaces', (raw) => expect(parseSurfaces(raw).letters.sort()).toEqual(['D', 'M', 'O']));
  it('reports letters that are not surfaces, and repeats', () => {
    expect(parseSurfaces('MXZ')).toMatchObject({ letters: ['M'], invalid: ['X', 'Z'] });
    expect(parseSurfaces('MOM')).toMatchObject({ letters: ['M', 'O'], repeated: ['M'] });
  });
  it('knows O and B are posterior, I and F anterior', () => {
    expect(surfacesWrongForPosition(['M', 'O', 'B'], 'anterior')).toEqual(['O', 'B']);
    expect(surfacesWrongForPosition(['I', 'F', 'L'], 'molar')).toEqual(['I', 'F']);
    expect(surfacesWrongForPosition(['M', 'I', 'F'], 'anterior')).toEqual([]);
  });
});
