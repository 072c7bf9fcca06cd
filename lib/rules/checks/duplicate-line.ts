import { type ClaimRule, type FindingDraft, perLine } from '../types';

const duplicateKey = perLine((line) =>
  [line.code, line.dateOfService, line.teeth.teeth.map((t) => t.universal).join(','), [...line.surfaces.letters].sort().join(''), line.area.code ?? ''].join('|'),
);

export const duplicateLine: ClaimRule = {
  id: 'duplicate-line',
  scope: 'claim',
  description: 'The same code, tooth, surfaces and date appear on two lines.',
  defaultSeverity: 'warning',
  check(lines) {
    const first = new Map<string, string>();
    const out: FindingDraft[] = [];
    for (const { line } of lines) {
      if (!line.code) continue;
      const key = duplicateKey(line);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, line.id);
      else
        out.push({
          lineIds: [earlier, line.id],
          message: `${line.code} appears twice for the same tooth, surfaces and date (${line.dateOfService}).`,
          fix: 'Remove the duplicate line, or use the quantity (item 29b) if the service really was done twice.',
        });
    }
    return out;
  },
};
