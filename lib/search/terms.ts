/**
 * How text becomes search terms, shared by the index build (scripts/build-data.ts) and the popup: a prebuilt
 * MiniSearch index only works when both sides tokenize and normalise identically.
 */

const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]+/u;

/** Words that carry no meaning in a code search ("exam of a child" is "exam child"). */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on',
  'or', 'per', 'the', 'than', 'that', 'this', 'to', 'with', 'without',
]);

/** Irregular plurals billing staff type. */
const IRREGULAR: Record<string, string> = { teeth: 'tooth', children: 'child', caries: 'caries', series: 'series' };

const CODE = /^d?\d{1,4}$/;

/**
 * A light plural stemmer: "crowns" and "crown", "cavities" and "cavity" meet; "abscess", "caries",
 * "radius" and "gas" are left alone.
 */
export function stem(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.length <= 3 || CODE.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ss|us|is|ys)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * Splits text into words. The code field also yields the bare number, so "0386" finds D0386 as well as
 * "D0386" and "D03" (by prefix) do.
 */
export function tokenize(text: string, fieldName?: string): string[] {
  if (fieldName === 'code') return [text, text.replace(/^D/i, '')];
  return text.split(SPACE_OR_PUNCTUATION).filter(Boolean);
}

/** Lower-cases, drops stop words and folds plurals; returning null drops the term. */
export function processTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (STOP_WORDS.has(word)) return null;
  return stem(word);
}
