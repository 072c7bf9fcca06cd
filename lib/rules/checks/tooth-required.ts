import type { LineRule } from '../types';

export const toothRequired: LineRule = {
  id: 'tooth-required',
  scope: 'line',
  description: 'The code needs a tooth (or a range of teeth) and the line has none.',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (status === 'unknown' || status === 'none' || !entry) return [];
    if (!['TOOTH', 'SURF', 'TOOTHRANGE'].includes(entry.area)) return [];
    if (line.teeth.teeth.length || line.teeth.invalid.length) return [];
    const range = entry.area === 'TOOTHRANGE';
    return [
      {
        lineIds: [line.id],
        message: range ? `${line.code} needs the range of teeth it covers.` : `${line.code} needs a tooth number.`,
        fix: range ? 'Enter the range in item 27, e.g. 6-11.' : 'Enter the tooth in item 27 (Universal 1-32 or A-T).',
      },
    ];
  },
};
