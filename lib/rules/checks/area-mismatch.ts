import { AREA_OF_ARCH, AREA_OF_QUADRANT, type AreaCode, areaKind } from '../../claim/area';
import type { LineRule } from '../types';

const AREA_NAME: Record<AreaCode, string> = {
  '00': 'the whole mouth (00)',
  '01': 'the upper arch (01)',
  '02': 'the lower arch (02)',
  '10': 'the upper right quadrant (10)',
  '20': 'the upper left quadrant (20)',
  '30': 'the lower left quadrant (30)',
  '40': 'the lower right quadrant (40)',
};

/** Why an area contradicts the code (or the line's teeth), or null. */
function contradiction(code: string, area: AreaCode, entry: { area: string; arch?: string }, teeth: { quadrant: string; arch: string; universal: string }[]): string | null {
  const kind = areaKind(area);
  switch (entry.area) {
    case 'QUAD':
      if (kind !== 'quadrant') return `${code} is billed per quadrant, but the area is ${AREA_NAME[area]}.`;
      break;
    case 'ARCH':
      if (kind !== 'arch') return `${code} is billed per arch, but the area is ${AREA_NAME[area]}.`;
      break;
    case 'ARCH_IN_CODE': {
      const own = entry.arch as keyof typeof AREA_OF_ARCH | undefined;
      if (own && kind === 'arch' && AREA_OF_ARCH[own] !== area) return `${code} is a ${own} code, but the area is ${AREA_NAME[area]}.`;
      if (own && kind === 'quadrant' && !((own === 'maxillary') === (area === '10' || area === '20'))) return `${code} is a ${own} code, but the area is ${AREA_NAME[area]}.`;
      break;
    }
    case 'MOUTH':
      if (kind !== 'mouth') return `${code} covers the whole mouth, but the area is ${AREA_NAME[area]}.`;
      break;
  }
  for (const t of teeth) {
    if (kind === 'quadrant' && AREA_OF_QUADRANT[t.quadrant as keyof typeof AREA_OF_QUADRANT] !== area) return `Tooth ${t.universal} is not in ${AREA_NAME[area]}.`;
    if (kind === 'arch' && AREA_OF_ARCH[t.arch as keyof typeof AREA_OF_ARCH] !== area) return `Tooth ${t.universal} is not in ${AREA_NAME[area]}.`;
  }
  return null;
}

export const areaMismatch: LineRule = {
  id: 'area-mismatch',
  scope: 'line',
  description: 'The area given contradicts the code or the tooth (e.g. a maxillary code with 02).',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (line.area.invalid)
      return [
        {
          lineIds: [line.id],
          message: `“${line.area.raw.trim()}” is not an area of the oral cavity.`,
          fix: 'Use 00 whole mouth, 01 upper arch, 02 lower arch, or 10, 20, 30, 40 for the quadrants (UR, UL, LL, LR).',
        },
      ];
    if (!line.area.code || !entry || status === 'unknown' || status === 'none' || !line.code) return [];
    const why = contradiction(line.code, line.area.code, entry, line.teeth.teeth);
    return why ? [{ lineIds: [line.id], message: why, fix: 'Correct the area (item 25) or the code.' }] : [];
  },
};
