import { describe, expect, it } from 'vitest';
import { createCatalog, editionOn } from '../../../lib/catalog/catalog';
import { CATEGORIES, CodeEntry } from '../../../lib/catalog/schema';
import { encodeCode } from '../../../lib/catalog/compact';

/** A catalog compiled from hand-made entries, exactly as `npm run data` compiles data/codes. */
function compile(entries: Partial<CodeEntry>[]) {
  const base = CodeEntry.parse({
    code: 'D0000',
    subcategory: 'Test',
    name: 'Test code',
    description: 'A made-up code used to test how the catalog answers lookups for a date of service.',
    area: 'NONE',
    provenance: 'test fixture',
    confidence: 'verified',
    card: {
      overview: 'A made-up code used only in tests of date-of-service lookups; it stands for any real code in the catalog.',
      whenToUse: ['Only in unit tests of the catalog API.', 'Never on a real claim line, anywhere.'],
      confusedWith: [],
      documentation: ['Nothing is documented for a test code.'],
      checklist: ['First test item', 'Second test item', 'Third test item'],
      billing: ['Test codes are never billed to anyone.', 'There is nothing to verify with a payer.'],
      denials: [{ reason: 'A test code is not a real code.', appeal: 'There is nothing to appeal here.' }],
      example: 'A unit test asks the catalog whether the made-up code is valid on a given date of service.',
      related: [],
      faq: [
        { q: 'Is this a real code?', a: 'No, it exists only inside the unit tests.' },
        { q: 'Can it be billed?', a: 'No, it is never billed to anyone at all.' },
      ],
    },
  });
  const codes = entries.map((e) => encodeCode({ ...base, ...e } as CodeEntry, CATEGORIES, 'Diagnostic'));
  return createCatalog({ categories: CATEGORIES, codes });
}

describe('catalog lookups by date of service', () => {
  const catalog = compile([
    { code: 'D1352', deleted: 2026, replacedBy: ['D2391'] },
    { code: 'D0426', added: 2026 },
    { code: 'D0120' },
    { code: 'D9990', deleted: 2027, replacedBy: ['D9991'] },
    { code: 'D9991', added: 2027 },
  ]);

  it('applies the edition in force on the date of service', () => {
    expect(editionOn('2026-12-30')).toBe(2026);
    expect(editionOn('2027-01-04')).toBe(2027);
  });

  it('answers deleted codes by date: valid before the edition that removed them, deleted from it on', () => {
    expect(catalog.lookupCode('D1352', '2025-12-31').status).toBe('valid');
    expect(catalog.lookupCode('D1352', '2026-01-01')).toMatchObject({ status: 'deleted', entry: { replacedBy: ['D2391'] } });
  });

  it('answers new codes as not yet valid before their edition', () => {
    expect(catalog.lookupCode('D0426', '2025-12-31').status).toBe('not-yet-valid');
    expect(catalog.lookupCode('D0426', '2026-01-02').status).toBe('valid');
  });

  it('gives different answers on 2026-12-30 and 2027-01-04 when CDT 2027 is added as data', () => {
    expect(catalog.lookupCode('D9990', '2026-12-30').status).toBe('valid');
    expect(catalog.lookupCode('D9990', '2027-01-04').status).toBe('deleted');
    expect(catalog.lookupCode('D9991', '2026-12-30').status).toBe('not-yet-valid');
    expect(catalog.lookupCode('D9991', '2027-01-04').status).toBe('valid');
  });

  it('normalises case and spacing, and reports unknown codes', () => {
    expect(catalog.lookupCode(' d0120 ', '2026-05-01').status).toBe('valid');
    expect(catalog.lookupCode('D0121', '2026-05-01').status).toBe('unknown');
  });
});
