/**
 * A storage value read and watched with the bare browser.storage API: what the content script needs, without
 * the weight of @wxt-dev/storage (the content script has a size budget). Writes go through store.ts.
 */
export interface RawItem {
  get(): Promise<unknown>;
  /** Calls back with the new value on every change, in any context; returns the unwatch function. */
  watch(callback: (value: unknown) => void): () => void;
}

export function rawItem(area: 'local' | 'session', key: string): RawItem {
  return {
    async get() {
      return (await browser.storage[area].get(key))[key];
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        if (changedArea === area && Object.hasOwn(changes, key)) callback(changes[key].newValue);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
