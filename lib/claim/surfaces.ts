/**
 * Tooth surfaces (ADA item 28): M mesial, O occlusal, D distal, B buccal, F facial, L lingual, I incisal;
 * up to five, any order and case, with or without commas or spaces. O and B belong to posterior teeth,
 * I and F to anterior teeth.
 */
export const SURFACE_LETTERS = ['M', 'O', 'D', 'B', 'F', 'L', 'I'] as const;
export type SurfaceLetter = (typeof SURFACE_LETTERS)[number];

export interface ParsedSurfaces {
  raw: string;
  /** Distinct valid letters in the order typed. */
  letters: SurfaceLetter[];
  /** Characters that are not surface letters. */
  invalid: string[];
  /** Letters typed more than once. */
  repeated: SurfaceLetter[];
}

export function parseSurfaces(raw: string): ParsedSurfaces {
  const letters: SurfaceLetter[] = [];
  const invalid: string[] = [];
  const repeated: SurfaceLetter[] = [];
  for (const ch of raw.slice(0, 40).toUpperCase()) {
    if (/[\s,;/+.-]/.test(ch)) continue;
    if ((SURFACE_LETTERS as readonly string[]).includes(ch)) {
      const letter = ch as SurfaceLetter;
      if (letters.includes(letter)) {
        if (!repeated.includes(letter)) repeated.push(letter);
      } else letters.push(letter);
    } else if (!invalid.includes(ch)) invalid.push(ch);
  }
  return { raw, letters, invalid, repeated };
}

/** Letters that do not belong on the tooth's position: O/B on anterior teeth, I/F on posterior teeth. */
export function surfacesWrongForPosition(letters: readonly SurfaceLetter[], position: 'anterior' | 'premolar' | 'molar'): SurfaceLetter[] {
  const wrong: readonly SurfaceLetter[] = position === 'anterior' ? ['O', 'B'] : ['I', 'F'];
  return letters.filter((l) => wrong.includes(l));
}
