import type { ComponentChildren } from 'preact';
import { type FullCode, lookupEntry } from '../../lib/catalog/cards';
import { ruleTables } from '../../lib/catalog';
import { describeLineNeeds } from '../Odontogram';
import { CodeLink } from './CodeLink';
import { codeFacts } from './facts';
import { type CardMap, useCards } from './use-cards';

type Cell = (code: string, full: FullCode | null | undefined) => ComponentChildren;

function list(items: readonly string[] | undefined, empty = '—') {
  if (!items?.length) return <span class="muted">{empty}</span>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

function status(code: string) {
  const e = lookupEntry(code);
  if (!e) return 'Not in the catalog';
  if (e.deleted) return `Deleted in CDT ${e.deleted}${e.replacedBy.length ? `; use ${e.replacedBy.join(', ')}` : ''}`;
  return e.added ? `Current; added in CDT ${e.added}` : 'Current';
}

/** The rows of the comparison, each the same fact for every code. */
const ROWS: [string, Cell][] = [
  ['Name', (code) => lookupEntry(code)?.name ?? '—'],
  ['Category', (code) => { const e = lookupEntry(code); return e ? `${e.category} › ${e.subcategory}` : '—'; }],
  ['Edition', (code) => status(code)],
  ['Area and teeth', (_c, full) => (full ? describeLineNeeds(full) : '…')],
  ['When to use', (_c, full) => list(full?.card.whenToUse)],
  ['Documentation checklist', (_c, full) => list(full?.card.checklist)],
  ['Billing', (_c, full) => list(full?.card.billing)],
  ['Frequency (typical)', (code) => list(codeFacts(code, ruleTables()).frequency, 'No typical limit')],
  [
    'Not on the same day as (typical)',
    (code) => {
      const conflicts = codeFacts(code, ruleTables()).conflicts;
      return list(conflicts.map((c) => `${c.codes.join(', ')}: ${c.reason}`), 'None known');
    },
  ],
  [
    'Attachments and prior authorisation (typical)',
    (code) => {
      const f = codeFacts(code, ruleTables());
      const lines = [...f.attachments.map((a) => `Attach: ${a}`), ...f.priorAuth.map((p) => `Prior auth: ${p}`)];
      return list(lines, 'None known');
    },
  ],
];

function Rows({ codes, cards }: { codes: readonly string[]; cards: CardMap }) {
  return (
    <>
      {ROWS.map(([label, cell]) => (
        <tbody key={label}>
          <tr class="row-head">
            <th scope="colgroup" colSpan={codes.length}>
              {label}
            </th>
          </tr>
          <tr>
            {codes.map((c) => (
              <td key={c} data-code={c}>
                {cell(c, cards[c])}
              </td>
            ))}
          </tr>
        </tbody>
      ))}
    </>
  );
}

export interface CompareViewProps {
  codes: readonly string[];
  onBack(): void;
}

/** Two or three codes side by side, one aligned row per fact. */
export function CompareView({ codes, onBack }: CompareViewProps) {
  const cards = useCards(codes);
  return (
    <article class="compare-view" aria-labelledby="compare-title">
      <button type="button" class="linklike back" onClick={onBack}>
        ← Results
      </button>
      <h2 id="compare-title">Compare {codes.join(', ')}</h2>
      {codes.length < 2 ? <p class="muted">Add another code to compare.</p> : null}
      <table class={`compare cols-${codes.length}`}>
        <thead>
          <tr>
            {codes.map((c) => (
              <th key={c} scope="col">
                <CodeLink code={c} />
              </th>
            ))}
          </tr>
        </thead>
        <Rows codes={codes} cards={cards} />
      </table>
    </article>
  );
}
