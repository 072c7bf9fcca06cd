import type { CodeEntry } from './schema';

/** Every prose field of a code's card, joined: what near-duplicate checks compare. */
export function cardText(c: Pick<CodeEntry, 'card'>): string {
  const k = c.card;
  return [
    k.overview,
    ...k.whenToUse,
    ...k.confusedWith.map((x) => x.difference),
    ...k.documentation,
    ...k.checklist,
    ...k.billing,
    ...k.denials.flatMap((d) => [d.reason, d.appeal]),
    k.example,
    ...k.faq.flatMap((f) => [f.q, f.a]),
  ].join(' ');
}
