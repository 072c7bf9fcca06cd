import type { LineRule } from '../types';

export const surfaceRequired: LineRule = {
  id: 'surface-required',
  scope: 'line',
  description: 'The code needs tooth surfaces and the line has none.',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (status === 'unknown' || status === 'none' || entry?.area !== 'SURF') return [];
    if (line.surfaces.letters.length || line.surfaces.invalid.length) return [];
    return [
      {
        lineIds: [line.id],
        message: `${line.code} needs the surfaces restored.`,
        fix: 'Enter the surfaces in item 28, e.g. MO or DOL.',
      },
    ];
  },
};
