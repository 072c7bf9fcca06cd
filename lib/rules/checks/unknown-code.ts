import type { LineRule } from '../types';

/** Codes one keystroke away (a digit changed or two neighbours swapped) that do exist: likely typos. */
function nearCodes(code: string, exists: (c: string) => boolean): string[] {
  const digits = code.slice(1);
  const out = new Set<string>();
  for (let i = 0; i < 4; i++) {
    for (let d = 0; d <= 9; d++) {
      const candidate = `D${digits.slice(0, i)}${d}${digits.slice(i + 1)}`;
      if (candidate !== code && exists(candidate)) out.add(candidate);
    }
    if (i < 3) {
      const swapped = `D${digits.slice(0, i)}${digits[i + 1]}${digits[i]}${digits.slice(i + 2)}`;
      if (swapped !== code && exists(swapped)) out.add(swapped);
    }
  }
  return [...out].sort().slice(0, 3);
}

export const unknownCode: LineRule = {
  id: 'unknown-code',
  scope: 'line',
  description: 'The code has the form of a CDT code (D and four digits) but is not one.',
  defaultSeverity: 'error',
  check({ line, status }, { catalog }) {
    if (status !== 'unknown' || !line.code) return [];
    const near = nearCodes(line.code, (c) => catalog.getCode(c)?.deleted === 0);
    return [
      {
        lineIds: [line.id],
        message: `${line.code} is not a CDT procedure code.`,
        fix: near.length ? `Check the number: did you mean ${near.join(' or ')}?` : 'Check the number against the treatment record.',
      },
    ];
  },
};
