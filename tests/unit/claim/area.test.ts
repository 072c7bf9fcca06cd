import { describe, expect, it } from 'vitest';
import { areaKind, parseArea } from '../../../lib/claim/area';

describe('area of the oral cavity', () => {
  it.each([
    ['00', '00'],
    ['full mouth', '00'],
    ['01', '01'],
    ['U', '01'],
    ['Maxillary', '01'],
    ['upper arch', '01'],
    ['02', '02'],
    ['L', '02'],
    ['mandibular', '02'],
    ['10', '10'],
    ['UR', '10'],
    ['upper right', '10'],
    ['URQ', '10'],
    ['Upper Right Quadrant', '10'],
    ['20', '20'],
    ['ul', '20'],
    ['30', '30'],
    ['LL', '30'],
    ['lower left', '30'],
    ['40', '40'],
    ['LR', '40'],
    [' lower  right ', '40'],
  ])('reads %j as %s', (raw, code) => expect(parseArea(raw)).toMatchObject({ code, invalid: false }));
  it('leaves blank as no area and flags nonsense', () => {
    expect(parseArea('  ')).toMatchObject({ code: null, invalid: false });
    expect(parseArea('sideways')).toMatchObject({ code: null, invalid: true });
  });
  it('knows what kind of area a code is', () => {
    expect(areaKind('00')).toBe('mouth');
    expect(areaKind('02')).toBe('arch');
    expect(areaKind('30')).toBe('quadrant');
  });
});

describe('numbered quadrants', () => {
  it.each([
    ['Quad 1', '10'],
    ['quadrant 4', '40'],
    ['Q2', '20'],
  ])('reads %j as %s', (raw, code) => expect(parseArea(raw)).toMatchObject({ code, invalid: false }));
  it.each(['quadrants', 'quad', '---'])('flags %j', (raw) => expect(parseArea(raw)).toMatchObject({ code: null, invalid: true }));
});
