/**
 * Word-shingle Jaccard similarity, used to catch card text copied between codes with only the code changed.
 * Shingles are hashed and sorted once, so comparing two cards is one merge of two integer arrays.
 */
export type Shingles = Int32Array;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export function shingles(text: string, size = 5): Shingles {
  const words = text
    .toLowerCase()
    .replace(/\bd\d{4}\b/g, 'CODE')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) out.add(hash(words.slice(i, i + size).join(' ')));
  return Int32Array.from(out).sort();
}

export function jaccard(a: Shingles, b: Shingles): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** The most similar pair among many texts. */
export function closestPair<K>(items: { key: K; shingles: Shingles }[]): { a?: K; b?: K; similarity: number } {
  let best: { a?: K; b?: K; similarity: number } = { similarity: 0 };
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const s = jaccard(items[i].shingles, items[j].shingles);
      if (s > best.similarity) best = { a: items[i].key, b: items[j].key, similarity: s };
    }
  return best;
}
