import type { CodePolicy, PayerProfile } from '../payers/schema';
import type { RuleId, Severity } from '../rules/ids';
import { RULES } from '../rules/index';

/** What an import (or any edit) changes, in words an office manager reads before saying yes. */
export interface PayerChange {
  kind: 'added' | 'removed' | 'changed';
  id: string;
  name: string;
  details: string[];
}

const DEFAULT_SEVERITY = new Map<RuleId, Severity>(RULES.map((r) => [r.id, r.defaultSeverity]));
const severity = (p: PayerProfile, id: RuleId) => p.rules[id] ?? DEFAULT_SEVERITY.get(id) ?? 'off';
const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? 'typical' : v ? yes : no);
const list = (v: string[] | undefined) => (v?.length ? v.join(', ') : 'none');

const PERIOD: Record<string, string> = {
  'calendar-year': 'calendar year',
  'benefit-year': 'benefit year',
  lifetime: 'lifetime',
};

export function describeFrequency(f: CodePolicy['frequency']): string {
  if (!f) return 'typical';
  const period = f.period === 'rolling-months' ? `${f.months} months` : PERIOD[f.period];
  return `${f.count} per ${period} per ${f.scope}`;
}

/** Each field of a code policy as [label, value in words]. */
export function policyFields(p: CodePolicy): [string, string][] {
  return [
    ['frequency limit', describeFrequency(p.frequency)],
    ['prior authorisation', yesNo(p.priorAuth, 'required', 'not required')],
    ['covered', yesNo(p.covered, 'yes', 'no')],
    ['attachments', list(p.attachments)],
    ['minimum age', p.minAge === undefined ? 'none' : String(p.minAge)],
    ['maximum age', p.maxAge === undefined ? 'none' : String(p.maxAge)],
    ['checklist', list(p.checklist)],
    ['note', p.note ? `“${p.note}”` : 'none'],
  ];
}

/** A one-line summary of what a policy sets, for lists. */
export function summarisePolicy(p: CodePolicy): string {
  const set = policyFields(p).filter(([, v]) => v !== 'typical' && v !== 'none');
  return set.length ? set.map(([k, v]) => `${k}: ${v}`).join('; ') : 'typical rules';
}

function codeChanges(code: string, a: CodePolicy | undefined, b: CodePolicy | undefined): string[] {
  if (!a) return [`${code}: new policy (${summarisePolicy(b!)})`];
  if (!b) return [`${code}: policy removed (typical rules apply)`];
  const before = new Map(policyFields(a));
  return policyFields(b)
    .filter(([k, v]) => before.get(k) !== v)
    .map(([k, v]) => `${code}: ${k} ${before.get(k)} → ${v}`);
}

export function describeProfileChanges(a: PayerProfile, b: PayerProfile): string[] {
  const out: string[] = [];
  if (a.name !== b.name) out.push(`Name “${a.name}” → “${b.name}”`);
  if (a.enabled !== b.enabled) out.push(b.enabled ? 'Turned on' : 'Turned off');
  const added = b.hosts.filter((h) => !a.hosts.includes(h));
  const removed = a.hosts.filter((h) => !b.hosts.includes(h));
  if (added.length) out.push(`Portal sites added: ${added.join(', ')}`);
  if (removed.length) out.push(`Portal sites removed: ${removed.join(', ')}`);
  if ((a.note ?? '') !== (b.note ?? '')) out.push('Note changed');
  for (const rule of RULES) {
    const [x, y] = [severity(a, rule.id), severity(b, rule.id)];
    if (x !== y) out.push(`Rule ${rule.id}: ${x} → ${y}`);
  }
  const codes = [...new Set([...Object.keys(a.codes), ...Object.keys(b.codes)])].sort();
  for (const code of codes)
    if (JSON.stringify(a.codes[code]) !== JSON.stringify(b.codes[code]))
      out.push(...codeChanges(code, Object.hasOwn(a.codes, code) ? a.codes[code] : undefined, Object.hasOwn(b.codes, code) ? b.codes[code] : undefined));
  return out;
}

/** Payers added, removed and changed between two lists of profiles, in list order. */
export function diffPayers(before: readonly PayerProfile[], after: readonly PayerProfile[]): PayerChange[] {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  const changes: PayerChange[] = [];
  for (const p of after) {
    const was = old.get(p.id);
    if (!was) changes.push({ kind: 'added', id: p.id, name: p.name, details: describeProfileChanges({ ...p, rules: {}, codes: {}, hosts: [] }, p) });
    else {
      const details = describeProfileChanges(was, p);
      if (details.length) changes.push({ kind: 'changed', id: p.id, name: p.name, details });
    }
  }
  for (const p of before) if (!now.has(p.id)) changes.push({ kind: 'removed', id: p.id, name: p.name, details: [] });
  return changes;
}
