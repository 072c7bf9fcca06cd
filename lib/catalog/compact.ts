import type { CodeEntry, LineArea } from './schema';

/**
 * The catalog compiled for the content script and rule engine: only what checking a claim line needs, as
 * tuples, so the content script ships no zod and no card text. Built by scripts/build-data.ts.
 */
export type CompactCode = [
  code: string,
  category: number,
  area: number,
  /** bit 0 by report; bits 1-3 surfaces min; bits 4-6 surfaces max */
  flags: number,
  position: number,
  dentition: number,
  arch: number,
  added: number,
  deleted: number,
  replacedBy: string,
];

export const AREAS: readonly LineArea[] = [
  'NONE',
  'TOOTH',
  'SURF',
  'QUAD',
  'ARCH',
  'ARCH_IN_CODE',
  'MOUTH',
  'TOOTHRANGE',
];
export const POSITIONS = ['', 'anterior', 'premolar', 'molar', 'posterior'] as const;
export const DENTITIONS = ['', 'primary', 'permanent'] as const;
export const ARCHES = ['', 'maxillary', 'mandibular'] as const;

/** What the rule engine knows about a code. */
export interface CatalogCode {
  code: string;
  category: string;
  area: LineArea;
  byReport: boolean;
  surfaces?: { min: number; max: number };
  position?: (typeof POSITIONS)[number];
  dentition?: (typeof DENTITIONS)[number];
  arch?: (typeof ARCHES)[number];
  /** Edition (year) it was added; 0 when it predates the editions tracked. */
  added: number;
  /** Edition (year) it was deleted; 0 when current. */
  deleted: number;
  replacedBy: string[];
}

export function encodeCode(c: CodeEntry, categories: readonly string[], category: string): CompactCode {
  const flags = (c.byReport ? 1 : 0) | ((c.surfaces?.min ?? 0) << 1) | ((c.surfaces?.max ?? 0) << 4);
  return [
    c.code,
    categories.indexOf(category),
    AREAS.indexOf(c.area),
    flags,
    POSITIONS.indexOf(c.teeth.position ?? ''),
    DENTITIONS.indexOf(c.teeth.dentition ?? ''),
    ARCHES.indexOf(c.arch ?? ''),
    c.added ?? 0,
    c.deleted ?? 0,
    c.replacedBy.join(' '),
  ];
}

export function decodeCode(t: CompactCode, categories: readonly string[]): CatalogCode {
  const [code, category, area, flags, position, dentition, arch, added, deleted, replacedBy] = t;
  const min = (flags >> 1) & 7;
  const max = (flags >> 4) & 7;
  return {
    code,
    category: categories[category],
    area: AREAS[area],
    byReport: (flags & 1) === 1,
    surfaces: min ? { min, max } : undefined,
    position: POSITIONS[position] || undefined,
    dentition: DENTITIONS[dentition] || undefined,
    arch: ARCHES[arch] || undefined,
    added,
    deleted,
    replacedBy: replacedBy ? replacedBy.split(' ') : [],
  };
}
