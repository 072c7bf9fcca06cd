import type { CodePolicy } from '../../lib/payers/schema';
import { CodePolicy as CodePolicySchema } from '../../lib/payers/schema';
import { describeZodError } from '../../lib/settings/zod-error';
import { LinesField } from './LinesField';

type Frequency = NonNullable<CodePolicy['frequency']>;

interface Props {
  code: string;
  policy: CodePolicy;
  locked: boolean;
  onChange(policy: CodePolicy): void;
}

const int = (text: string) => (text.trim() === '' ? undefined : Number.parseInt(text, 10));
const tri = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
const fromTri = (v: string) => (v === '' ? undefined : v === 'yes');

function without<K extends keyof CodePolicy>(policy: CodePolicy, key: K, value: CodePolicy[K] | undefined): CodePolicy {
  const empty = value === undefined || (Array.isArray(value) && value.length === 0) || value === '';
  const { [key]: _old, ...rest } = policy;
  return empty ? rest : { ...rest, [key]: value };
}

/** One code's policy for one payer: every field optional, "typical" meaning CDT Lens's usual rules. */
export function CodePolicyForm({ code, policy, locked, onChange }: Props) {
  const set = <K extends keyof CodePolicy>(key: K, value: CodePolicy[K] | undefined) => onChange(without(policy, key, value));
  const freq = policy.frequency;
  const setFreq = (change: Partial<Frequency>) => {
    const next = { count: 1, period: 'calendar-year', scope: 'patient', ...freq, ...change } as Frequency;
    if (next.period !== 'rolling-months') delete next.months;
    else next.months ??= 12;
    set('frequency', next);
  };
  const check = CodePolicySchema.safeParse(policy);
  const id = (name: string) => `${code}-${name}`;

  return (
    <fieldset class="policy" disabled={locked} data-policy={code}>
      <legend class="visually-hidden">Policy for {code}</legend>
      <div class="field check">
        <input
          id={id('limit')}
          type="checkbox"
          checked={!!freq}
          onChange={(e) => (e.currentTarget.checked ? setFreq({}) : set('frequency', undefined))}
        />
        <label for={id('limit')}>Limit how often this payer pays for it</label>
      </div>
      {freq && (
        <div class="row">
          <div class="field">
            <label for={id('count')}>Times</label>
            <input id={id('count')} type="number" min={1} max={99} value={freq.count} onInput={(e) => setFreq({ count: int(e.currentTarget.value) ?? 1 })} />
          </div>
          <div class="field">
            <label for={id('period')}>Per</label>
            <select id={id('period')} value={freq.period} onChange={(e) => setFreq({ period: e.currentTarget.value as Frequency['period'] })}>
              <option value="calendar-year">calendar year</option>
              <option value="benefit-year">benefit year</option>
              <option value="rolling-months">number of months</option>
              <option value="lifetime">lifetime</option>
            </select>
          </div>
          {freq.period === 'rolling-months' && (
            <div class="field">
              <label for={id('months')}>Months</label>
              <input id={id('months')} type="number" min={1} max={120} value={freq.months} onInput={(e) => setFreq({ months: int(e.currentTarget.value) ?? 12 })} />
            </div>
          )}
          <div class="field">
            <label for={id('scope')}>Counted per</label>
            <select id={id('scope')} value={freq.scope} onChange={(e) => setFreq({ scope: e.currentTarget.value as Frequency['scope'] })}>
              <option value="patient">patient</option>
              <option value="tooth">tooth</option>
              <option value="quadrant">quadrant</option>
            </select>
          </div>
        </div>
      )}
      <div class="row">
        <div class="field">
          <label for={id('prior')}>Prior authorisation</label>
          <select id={id('prior')} value={tri(policy.priorAuth)} onChange={(e) => set('priorAuth', fromTri(e.currentTarget.value))}>
            <option value="">Typical</option>
            <option value="yes">Required</option>
            <option value="no">Not required</option>
          </select>
        </div>
        <div class="field">
          <label for={id('covered')}>Covered</label>
          <select id={id('covered')} value={tri(policy.covered)} onChange={(e) => set('covered', fromTri(e.currentTarget.value))}>
            <option value="">Typical</option>
            <option value="yes">Covered</option>
            <option value="no">Not covered</option>
          </select>
        </div>
        <div class="field">
          <label for={id('min-age')}>Youngest age</label>
          <input id={id('min-age')} type="number" min={0} max={120} value={policy.minAge ?? ''} onInput={(e) => set('minAge', int(e.currentTarget.value))} />
        </div>
        <div class="field">
          <label for={id('max-age')}>Oldest age</label>
          <input id={id('max-age')} type="number" min={0} max={120} value={policy.maxAge ?? ''} onInput={(e) => set('maxAge', int(e.currentTarget.value))} />
        </div>
      </div>
      <div class="row">
        <div class="field grow">
          <label for={id('attachments')}>Attachments required (one per line)</label>
          <LinesField id={id('attachments')} value={policy.attachments ?? []} onChange={(v) => set('attachments', v)} />
        </div>
        <div class="field grow">
          <label for={id('checklist')}>Extra checklist items (one per line)</label>
          <LinesField id={id('checklist')} value={policy.checklist ?? []} onChange={(v) => set('checklist', v)} />
        </div>
      </div>
      <div class="field">
        <label for={id('note')}>Note</label>
        <textarea id={id('note')} rows={2} maxLength={2000} value={policy.note ?? ''} onInput={(e) => set('note', e.currentTarget.value || undefined)} />
      </div>
      {!check.success && (
        <p class="error" role="alert">
          {code}: {describeZodError(check.error)}
        </p>
      )}
      <button type="button" onClick={() => onChange({})}>
        Clear the policy for {code}
      </button>
    </fieldset>
  );
}
