import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findProcedureCodes, procedureCodeOfValue, procedureCodesInText } from '../../../lib/detect/procedure-code';

describe('procedureCodeOfValue', () => {
  it.each([
    ['D0120', 'D0120'],
    ['  d2392 ', 'D2392'],
    ['D0120 - Periodic oral evaluation', 'D0120'],
    ['d0150: comprehensive exam', 'D0150'],
    ['D4341 (SRP 4+ teeth)', 'D4341'],
  ])('reads %j as %s', (value, code) => expect(procedureCodeOfValue(value)).toBe(code));

  it.each([
    'D01201234',
    'XD0150',
    'D012',
    'D0120X',
    'ABC-D0150-99',
    'MBR D0150',
    '1234567890',
    '(555) 010-0120',
    'CLM-2024-D0150',
    'D0120.5',
    '',
  ])('does not read %j as a code', (value) => expect(procedureCodeOfValue(value)).toBeNull());
});

describe('procedureCodesInText', () => {
  it('finds codes in remarks, normalised and without repeats', () => {
    expect(procedureCodesInText('Narrative for d7210 #30; also D7210 and D0220, member XD0150, id D01201234')).toEqual([
      'D7210',
      'D0220',
    ]);
  });
});

describe('findProcedureCodes properties', () => {
  const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
  const anyChar = fc.oneof(
    alnum,
    fc.constantFrom(' ', '-', '_', '.', '/', ':', ',', '\n', '\t', '#', 'D', 'd'),
    fc.string({ maxLength: 1 }),
  );
  const text = fc.array(anyChar, { maxLength: 400 }).map((a) => a.join(''));

  it('never throws and only reports whole D+4-digit tokens', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.string({ unit: 'grapheme' })), (t) => {
        for (const m of findProcedureCodes(t)) {
          expect(m.code).toMatch(/^D\d{4}$/);
          expect(t.slice(m.index, m.index + 5).toUpperCase()).toBe(m.code);
          const before = t[m.index - 1] ?? ' ';
          const after = t[m.index + 5] ?? ' ';
          expect(/[A-Za-z0-9]/.test(before)).toBe(false);
          expect(/[A-Za-z0-9]/.test(after)).toBe(false);
        }
      }),
    );
  });

  it('never reports a code embedded in a longer alphanumeric token', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean(),
        (extra, n, prefix) => {
          const code = `D${String(n).padStart(4, '0')}`;
          const token = prefix ? extra + code : code + extra;
          expect(findProcedureCodes(` ${token} `)).toEqual([]);
        },
      ),
    );
  });

  it('finds a code surrounded by spaces in any case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.boolean(), fc.nat(5), fc.nat(5), (n, lower, l, r) => {
        const digits = String(n).padStart(4, '0');
        const t = `${' '.repeat(l)}${lower ? 'd' : 'D'}${digits}${' '.repeat(r)}`;
        expect(procedureCodeOfValue(t)).toBe(`D${digits}`);
      }),
    );
  });

  it('stays linear on long hostile strings: each character is read a bounded number of times', () => {
    // Counted, not timed: a String object whose charCodeAt counts its calls.
    const readsFor = (text: string) => {
      let reads = 0;
      const counted = Object.assign(new String(text), {
        charCodeAt(i: number) {
          reads++;
          return String.prototype.charCodeAt.call(text, i);
        },
      });
      findProcedureCodes(counted as unknown as string, Number.POSITIVE_INFINITY);
      return reads;
    };
    for (const hostile of [
      'D0'.repeat(40_000),
      'D-'.repeat(40_000),
      `${'a-'.repeat(39_999)}D0120`,
      'D0120'.repeat(16_000),
      'd0120 '.repeat(13_000),
    ]) {
      expect(readsFor(hostile)).toBeLessThanOrEqual(4 * hostile.length);
    }
    fc.assert(
      fc.property(text, (t) => {
        expect(readsFor(t)).toBeLessThanOrEqual(4 * t.length + 4);
      }),
    );
  });
});
