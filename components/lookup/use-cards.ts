import { useEffect, useState } from 'preact/hooks';
import { type FullCode, loadCard } from '../../lib/catalog/cards';

/** code -> its full knowledge card, null when the code has none, undefined while loading. */
export type CardMap = Record<string, FullCode | null | undefined>;

/** Loads the knowledge cards of some codes from the extension's own packaged files. */
export function useCards(codes: readonly string[]): CardMap {
  const key = codes.join(',');
  const [cards, setCards] = useState<CardMap>({});
  useEffect(() => {
    let live = true;
    setCards({});
    Promise.all(codes.map((c) => loadCard(c).catch(() => null))).then((loaded) => {
      if (live) setCards(Object.fromEntries(codes.map((c, i) => [c, loaded[i]])));
    });
    return () => {
      live = false;
    };
  }, [key]); // `key` stands for `codes`, whose array identity changes on every render
  return cards;
}
