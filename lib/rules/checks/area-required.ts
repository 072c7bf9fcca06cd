import type { LineRule } from '../types';

export const areaRequired: LineRule = {
  id: 'area-required',
  scope: 'line',
  description: 'The code needs a quadrant or arch and the line has none (a tooth in the quadrant does not count).',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (status === 'unknown' || status === 'none' || !entry) return [];
    if (entry.area !== 'QUAD' && entry.area !== 'ARCH') return [];
    if (line.area.code || line.area.invalid) return [];
    const quad = entry.area === 'QUAD';
    return [
      {
        lineIds: [line.id],
        message: `${line.code} is billed per ${quad ? 'quadrant' : 'arch'}: the line needs the area of the oral cavity.`,
        fix: quad ? 'Enter item 25: 10 upper right, 20 upper left, 30 lower left or 40 lower right.' : 'Enter item 25: 01 upper (maxillary) or 02 lower (mandibular) arch.',
      },
    ];
  },
};
