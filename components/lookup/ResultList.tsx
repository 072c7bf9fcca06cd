import { useEffect } from 'preact/hooks';
import type { LookupEntry } from '../../lib/catalog/lookup';

export const LISTBOX_ID = 'results';
export const optionId = (code: string) => `opt-${code}`;

export interface ResultListProps {
  results: readonly LookupEntry[];
  active: number;
  hidden: boolean;
  onOpen(code: string): void;
  onCompare(code: string): void;
}

function DeletedNote({ entry }: { entry: LookupEntry }) {
  return (
    <span class="deleted-note">
      Deleted in CDT {entry.deleted}
      {entry.replacedBy.length ? ` · use ${entry.replacedBy.join(', ')}` : ''}
    </span>
  );
}

/**
 * The results as a listbox driven from the search box (aria-activedescendant): focus never leaves the box.
 * The "+" that adds a code to the compare tray is for the mouse; Shift+Enter does the same from the keyboard.
 */
export function ResultList({ results, active, hidden, onOpen, onCompare }: ResultListProps) {
  const activeCode = results[active]?.code;
  useEffect(() => {
    if (activeCode) document.getElementById(optionId(activeCode))?.scrollIntoView({ block: 'nearest' });
  }, [activeCode]);
  return (
    <div role="listbox" id={LISTBOX_ID} aria-label="Matching codes" class="results" hidden={hidden}>
      {results.map((e, i) => (
        <div
          key={e.code}
          id={optionId(e.code)}
          role="option"
          aria-selected={i === active}
          data-code={e.code}
          class={e.deleted ? 'result is-deleted' : 'result'}
          // Keep focus in the search box.
          onMouseDown={(ev) => ev.preventDefault()}
          onClick={() => onOpen(e.code)}
        >
          <span class="code">{e.code}</span>
          <span class="name">{e.name}</span>
          <span
            class="add"
            aria-hidden="true"
            title={`Add ${e.code} to compare`}
            data-compare-add={e.code}
            onClick={(ev) => {
              ev.stopPropagation();
              onCompare(e.code);
            }}
          >
            +
          </span>
          <span class="meta">
            {e.category}
            {e.deleted ? <DeletedNote entry={e} /> : null}
          </span>
        </div>
      ))}
    </div>
  );
}
