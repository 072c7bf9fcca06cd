import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('surface-invalid', () => {
  it('flags letters that are not surfaces', () => expect(findingsOf('surface-invalid', [{ code: 'D2392', tooth: '30', surface: 'MX' }])).toHaveLength(1));
  it('flags repeated letters', () => expect(findingsOf('surface-invalid', [{ code: 'D2392', tooth: '30', surface: 'MOM' }])).toHaveLength(1));
  it('flags O or B on an anterior tooth', () => expect(findingsOf('surface-invalid', [{ code: 'D2331', tooth: '8', surface: 'MO' }])).toHaveLength(1));
  it('flags I or F on a posterior tooth', () => expect(findingsOf('surface-invalid', [{ code: 'D2392', tooth: '30', surface: 'MI' }])).toHaveLength(1));
  it.each(['MO', 'm,o', ' o m ', 'DOM'])('accepts %j on a molar', (surface) => expect(findingsOf('surface-invalid', [{ code: 'D2392', tooth: '30', surface }])).toEqual([]));
});
