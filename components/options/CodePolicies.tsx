import { useMemo, useState } from 'preact/hooks';
import { lookupEntries } from '../../lib/catalog/cards';
import type { LookupEntry } from '../../lib/catalog/lookup';
import { CATEGORIES } from '../../lib/catalog/schema';
import type { CodePolicy, PayerProfile } from '../../lib/payers/schema';
import { summarisePolicy } from '../../lib/settings/diff';
import type { PayerLocks } from '../../lib/settings/managed';
import { omitKey } from '../../lib/settings/merge';
import { BulkApply } from './BulkApply';
import { CodePolicyForm } from './CodePolicyForm';
import { Lock } from './Lock';
import type { ConfirmOptions } from './confirm';

const SHOWN = 40;

interface Props {
  display: PayerProfile;
  locks: PayerLocks;
  onChange(change: (p: PayerProfile) => void): void;
  confirm(options: ConfirmOptions): Promise<boolean>;
}

export function filterCodes(
  entries: readonly LookupEntry[],
  { query, category, onlyWithPolicy, codes }: { query: string; category: string; onlyWithPolicy: boolean; codes: Record<string, CodePolicy> },
): LookupEntry[] {
  const q = query.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!category || e.category === category) &&
      (!onlyWithPolicy || Object.hasOwn(codes, e.code)) &&
      (!q || e.code.toLowerCase().includes(q) || e.name.toLowerCase().includes(q) || e.synonyms.some((s) => s.toLowerCase().includes(q))) &&
      (!e.deleted || !!q || Object.hasOwn(codes, e.code)),
  );
}

export function setCodePolicy(p: PayerProfile, code: string, policy: CodePolicy): void {
  p.codes = Object.keys(policy).length ? { ...p.codes, [code]: policy } : omitKey(p.codes, code);
}

/** Per code policies of one payer: find codes, open one to edit it, or change a whole category at once. */
export function CodePolicies({ display, locks, onChange, confirm }: Props) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [onlyWithPolicy, setOnlyWithPolicy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const found = useMemo(
    () => filterCodes(lookupEntries(), { query, category, onlyWithPolicy, codes: display.codes }),
    [query, category, onlyWithPolicy, display.codes],
  );
  const policyCount = Object.keys(display.codes).length;

  return (
    <fieldset class="codes">
      <legend>Code policies</legend>
      <p class="hint">
        What this payer does differently for particular codes. {policyCount ? `${policyCount} code${policyCount === 1 ? ' has' : 's have'} a policy.` : 'No code has a policy yet: typical rules apply.'}
      </p>
      <div class="row filters">
        <div class="field grow">
          <label for="code-search">Find a code</label>
          <input id="code-search" type="search" placeholder="D2740, crown, pano…" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="code-category">Category</label>
          <select id="code-category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">All categories</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div class="field check">
          <input id="code-only" type="checkbox" checked={onlyWithPolicy} onChange={(e) => setOnlyWithPolicy(e.currentTarget.checked)} />
          <label for="code-only">Only codes with a policy</label>
        </div>
      </div>
      <p class="hint" aria-live="polite">
        {found.length > SHOWN ? `Showing ${SHOWN} of ${found.length} codes: type to narrow the list.` : `${found.length} code${found.length === 1 ? '' : 's'}.`}
      </p>
      <ul class="code-list">
        {found.slice(0, SHOWN).map((e) => {
          const policy = Object.hasOwn(display.codes, e.code) ? display.codes[e.code] : undefined;
          const locked = locks.all || locks.codes.has(e.code);
          const isOpen = open === e.code;
          return (
            <li key={e.code} data-code={e.code}>
              <div class="code-row">
                <button type="button" class="link" aria-expanded={isOpen} aria-controls={`policy-${e.code}`} onClick={() => setOpen(isOpen ? null : e.code)}>
                  <strong>{e.code}</strong> {e.name}
                  {e.deleted ? ` (deleted ${e.deleted})` : ''}
                </button>
                <span class="summary">{policy ? summarisePolicy(policy) : 'typical rules'}</span>
                <Lock locked={locked} />
              </div>
              {isOpen && (
                <div id={`policy-${e.code}`}>
                  <CodePolicyForm
                    code={e.code}
                    policy={policy ?? {}}
                    locked={locked}
                    onChange={(next) => onChange((p) => setCodePolicy(p, e.code, next))}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <BulkApply display={display} locks={locks} onChange={onChange} confirm={confirm} />
    </fieldset>
  );
}
