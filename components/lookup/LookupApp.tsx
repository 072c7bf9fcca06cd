import { useEffect, useMemo, useState } from 'preact/hooks';
import { lookupEntries, lookupEntry } from '../../lib/catalog/cards';
import { LicenceNote } from '../LicenceNote';
import { CodeLink } from './CodeLink';
import { CodeView } from './CodeView';
import { CompareTray } from './CompareTray';
import { CompareView } from './CompareView';
import { DEFAULT_PAYER_ID } from './data';
import { loadRecent, rememberOpened } from './recent';
import { LISTBOX_ID, optionId, ResultList } from './ResultList';
import { MAX_COMPARE } from './route';
import { codeSearch } from './search-service';
import { SidePanelButton } from './SidePanelButton';
import { TabPayer } from './TabPayer';
import { TabStatusLine } from './TabStatusLine';
import { useCurrentTab } from './use-current-tab';
import { usePayerProfiles } from './use-payers';
import { useHashRoute } from './use-route';
import './lookup.css';

export interface LookupAppProps {
  surface: 'popup' | 'sidepanel';
}

const RESULT_LIMIT = 30;
const CATEGORY_NAMES = [...new Set(lookupEntries().map((e) => e.category))];

function RecentCodes({ codes }: { codes: readonly string[] }) {
  const known = codes.filter((c) => lookupEntry(c));
  if (!known.length)
    return (
      <p class="muted tip">
        Type a code (D0120), part of one (0386, D03) or the words you use: deep cleaning, pano, FMX, night guard.
      </p>
    );
  return (
    <section aria-labelledby="recent-title" class="recent">
      <h2 id="recent-title">Recent codes</h2>
      <ul>
        {known.map((c) => (
          <li key={c} data-recent={c}>
            <CodeLink code={c} withName />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Code lookup shared by the popup and the side panel: search, code view, compare, recent codes. */
export function LookupApp({ surface }: LookupAppProps) {
  const [route, navigate] = useHashRoute();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [active, setActive] = useState(-1);
  const [tray, setTray] = useState<string[]>(route.view === 'compare' ? route.codes : []);
  const [recent, setRecent] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const profiles = usePayerProfiles();
  const [current, refreshTab] = useCurrentTab();
  // The code view shows the payer in force on the current tab, until the user picks another one there.
  const tabPayerId = current?.payer?.id;
  const [pickedPayer, setPickedPayer] = useState<string | null>(null);
  useEffect(() => setPickedPayer(null), [tabPayerId]);
  const payerId = pickedPayer ?? tabPayerId ?? DEFAULT_PAYER_ID;

  const results = useMemo(() => {
    if (!query.trim() && !category) return [];
    // A blank query with a category browses the whole category; typed queries keep the list short and fast.
    return codeSearch().search(query, { category, limit: query.trim() ? RESULT_LIMIT : 500 });
  }, [query, category]);
  useEffect(() => {
    // Load the index after the first paint, so the popup opens at once and the first keystroke is fast.
    const timer = setTimeout(codeSearch, 0);
    void loadRecent().then(setRecent, () => undefined);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 5000);
    return () => clearTimeout(timer);
  }, [message]);
  useEffect(() => {
    if (route.view === 'compare') setTray(route.codes);
    window.scrollTo(0, 0);
  }, [route]);

  const searching = route.view === 'search';
  const activeCode = searching ? results[active]?.code : undefined;
  const open = (code: string) => navigate({ view: 'code', code });
  const backToResults = () => navigate({ view: 'search' });

  const addToCompare = (code: string) => {
    if (tray.includes(code)) return setMessage(`${code} is already in the compare tray.`);
    if (tray.length >= MAX_COMPARE) return setMessage(`Compare holds ${MAX_COMPARE} codes; remove one first.`);
    setTray([...tray, code]);
    setMessage(`Added ${code} to compare.`);
  };
  const copy = (code: string) =>
    navigator.clipboard.writeText(code).then(
      () => setMessage(`Copied ${code}.`),
      () => setMessage(`Could not copy; select ${code} and press Ctrl+C.`),
    );
  const opened = (code: string) => void rememberOpened(code).then(setRecent, () => undefined);

  const onInput = (value: string) => {
    setQuery(value);
    setActive(-1);
    if (!searching) backToResults();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const picked = results[active] ?? results[0];
    if (e.key === 'ArrowDown' && searching && results.length) setActive(Math.min(active + 1, results.length - 1));
    else if (e.key === 'ArrowUp' && searching && results.length) setActive(Math.max(active - 1, 0));
    else if (e.key === 'Enter' && searching && picked) (e.shiftKey ? addToCompare : open)(picked.code);
    else if (e.key === 'Escape' && !searching) backToResults();
    else if (e.key === 'Escape' && active >= 0) setActive(-1);
    else if (e.key === 'Escape' && query) setQuery('');
    else return;
    e.preventDefault();
  };

  return (
    <div class={`lookup ${surface}`}>
      <header class="top">
        <div class="title-row">
          <h1>CDT Lens</h1>
          {surface === 'popup' ? <SidePanelButton /> : null}
        </div>
        {current ? (
          <section class="this-tab" aria-label="This tab" key={current.tabId}>
            <TabStatusLine current={current} onChanged={refreshTab} />
            {current.status.state === 'active' || current.status.state === 'unknown' ? (
              <TabPayer current={current} profiles={profiles} />
            ) : null}
          </section>
        ) : null}
      </header>
      <div class="bar">
        <div class="search-row" role="search">
          <label class="visually-hidden" for="q">
            Search codes by number, words or lay terms
          </label>
          <input
            id="q"
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={searching && results.length > 0}
            aria-controls={LISTBOX_ID}
            aria-activedescendant={activeCode ? optionId(activeCode) : undefined}
            aria-describedby="q-hint"
            placeholder="Code, words or lay terms (D0330, pano)"
            autocomplete="off"
            spellcheck={false}
            value={query}
            autoFocus
            onInput={(e) => onInput(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <select aria-label="Category" value={category} onChange={(e) => {
              setCategory(e.currentTarget.value);
              setActive(-1);
            }}>
            <option value="">All categories</option>
            {CATEGORY_NAMES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <p id="q-hint" class="hint">
          ↑↓ · Enter opens · Shift+Enter compares · Esc back
        </p>
      </div>

      <main>
        {searching && (query.trim() || category) ? (
          <p class="count">{results.length === RESULT_LIMIT
              ? `Top ${RESULT_LIMIT} codes; type more to narrow`
              : results.length
                ? `${results.length} code${results.length === 1 ? '' : 's'}`
                : 'No codes match.'}</p>
        ) : null}
        <ResultList results={results} active={active} hidden={!searching} onOpen={open} onCompare={addToCompare} />
        {searching && !query.trim() && !category ? <RecentCodes codes={recent} /> : null}
        {route.view === 'code' ? (
          <CodeView
            code={route.code}
            payerId={payerId}
            profiles={profiles}
            tabPayerId={tabPayerId}
            onPayerChange={setPickedPayer}
            onOpened={opened}
            onCopy={copy}
            onCompare={addToCompare}
            onBack={backToResults}
          />
        ) : null}
        {route.view === 'compare' ? <CompareView codes={route.codes} onBack={backToResults} /> : null}
      </main>

      <p role="status" class="status-msg">
        {message}
      </p>
      <CompareTray
        codes={tray}
        onRemove={(c) => setTray(tray.filter((x) => x !== c))}
        onClear={() => setTray([])}
        onCompare={() => navigate({ view: 'compare', codes: tray })}
      />
      <footer>
        <LicenceNote />
      </footer>
    </div>
  );
}
