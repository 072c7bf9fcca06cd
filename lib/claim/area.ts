/**
 * Area of the oral cavity (ADA item 25): 00 whole mouth, 01 maxillary arch, 02 mandibular arch,
 * 10 upper right, 20 upper left, 30 lower left, 40 lower right quadrant. Portals also use words and
 * abbreviations (UR, upper right, URQ, maxillary, U/L ...).
 */
export type AreaCode = '00' | '01' | '02' | '10' | '20' | '30' | '40';
export type AreaKind = 'mouth' | 'arch' | 'quadrant';

export interface ParsedArea {
  raw: string;
  code: AreaCode | null;
  /** True when something was typed but it is not an area. */
  invalid: boolean;
}

const WORDS: [RegExp, AreaCode][] = [
  [/^(00|0|fm|fmx|full ?mouth|whole ?mouth|entire ?mouth|mouth)$/, '00'],
  [/^(01|1|u|ua|upper|upper ?arch|max|maxilla|maxillary|maxillary ?arch|mx)$/, '01'],
  [/^(02|2|l|la|lower|lower ?arch|mand|mandible|mandibular|mandibular ?arch|md)$/, '02'],
  [/^(10|ur|urq|ru|upper ?right|right ?upper|maxillary ?right|q1)$/, '10'],
  [/^(20|ul|ulq|lu|upper ?left|left ?upper|maxillary ?left|q2)$/, '20'],
  [/^(30|ll|llq|lower ?left|left ?lower|mandibular ?left|q3)$/, '30'],
  [/^(40|lr|lrq|rl|lower ?right|right ?lower|mandibular ?right|q4)$/, '40'],
];

const QUADRANT_NUMBER: Record<string, AreaCode> = { '1': '10', '2': '20', '3': '30', '4': '40' };

export function parseArea(raw: string): ParsedArea {
  const lower = raw.slice(0, 60).toLowerCase();
  // "Quad 1", "Quadrant 4": the number is the quadrant, not the ADA arch code 01.
  const numbered = /^\s*(?:quadrant|quad|q)\s*#?\s*([1-4])\s*$/.exec(lower);
  if (numbered) return { raw, code: QUADRANT_NUMBER[numbered[1]], invalid: false };
  const text = lower
    .replace(/\b(quadrant|quad)\b/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return { raw, code: null, invalid: lower.trim() !== '' };
  for (const [pattern, code] of WORDS) if (pattern.test(text)) return { raw, code, invalid: false };
  return { raw, code: null, invalid: true };
}

export function areaKind(code: AreaCode): AreaKind {
  return code === '00' ? 'mouth' : code === '01' || code === '02' ? 'arch' : 'quadrant';
}

export const AREA_OF_QUADRANT = { UR: '10', UL: '20', LL: '30', LR: '40' } as const;
export const AREA_OF_ARCH = { maxillary: '01', mandibular: '02' } as const;
