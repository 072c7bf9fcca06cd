import { useMemo, useState } from 'preact/hooks';
import { lookupEntries } from '../../lib/catalog/cards';
import { LicenceNote } from '../LicenceNote';
import './lookup.css';

export interface LookupAppProps {
  surface: 'popup' | 'sidepanel';
}

/** Code lookup shared by the popup and the side panel. */
export function LookupApp({ surface }: LookupAppProps) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return lookupEntries()
      .filter((e) => e.code.toLowerCase().includes(q) || e.name.toLowerCase().includes(q))
      .slice(0, 50);
  }, [query]);

  return (
    <main class={`lookup ${surface}`}>
      <header class="bar">
        <h1>CDT Lens</h1>
        <label class="visually-hidden" for="q">
          Search codes by number, words or lay terms
        </label>
        <input
          id="q"
          type="search"
          placeholder="Code, words or lay terms (e.g. D0330, pano)"
          value={query}
          autoFocus
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </header>
      <div role="listbox" aria-label="Matching codes" class="results">
        {results.map((e) => (
          <div key={e.code} role="option" tabIndex={-1} aria-selected={false} data-code={e.code}>
            <span class="code">{e.code}</span> <span class="name">{e.name}</span>
          </div>
        ))}
      </div>
      <LicenceNote />
    </main>
  );
}
