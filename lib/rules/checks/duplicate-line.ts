import type { ClaimRule, FindingDraft } from '../types';

export const duplicateLine: ClaimRule = {
  id: 'duplicate-line',
  scope: 'claim',
  description: 'The same code, tooth, surfaces and date appear on two lines.',
  defaultSeverity: 'warning',
  groupsOf({ line }) {
    if (!line.code) return [];
    const teeth = line.teeth.teeth.map((t) => t.universal).join(',');
    return [[line.code, line.dateOfService, teeth, [...line.surfaces.letters].sort().join(''), line.area.code ?? ''].join('|')];
  },
  // Every later line of a group repeats its first.
  check([first, ...later]) {
    return later.map(({ line }): FindingDraft => ({
      lineIds: [first.line.id, line.id],
      message: `${line.code} appears twice for the same tooth, surfaces and date (${line.dateOfService}).`,
      fix: 'Remove the duplicate line, or use the quantity (item 29b) if the service really was done twice.',
    }));
  },
};
