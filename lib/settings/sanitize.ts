import type { CodePolicy, PayerProfile } from '../payers/schema';
import { RULE_IDS, SEVERITIES } from '../rules/ids';
import type { PayerLayer } from './merge';
import type { PayerOverride, Settings, UserPayer } from './schema';
import { FORBIDDEN_KEYS, SETTINGS_VERSION } from './version';

/**
 * A small hand check for contexts that must not ship zod (the content script). It keeps what has the right
 * shape and drops the rest; the zod schema in schema.ts stays the authority on writes and imports.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const RULES = new Set<string>(RULE_IDS);
const LEVELS = new Set<string>(SEVERITIES);
const PERIODS = new Set(['calendar-year', 'benefit-year', 'rolling-months', 'lifetime']);
const SCOPES = new Set(['patient', 'tooth', 'quadrant']);
const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const CODE = /^D\d{4}$/;

function entries(v: unknown): [string, unknown][] {
  return isObj(v) ? Object.entries(v).filter(([k]) => !FORBIDDEN_KEYS.has(k)) : [];
}

function frequency(v: unknown): CodePolicy['frequency'] | undefined {
  if (!isObj(v) || !isInt(v.count) || !isStr(v.period) || !PERIODS.has(v.period) || !isStr(v.scope) || !SCOPES.has(v.scope))
    return undefined;
  if ((v.period === 'rolling-months') !== isInt(v.months)) return undefined;
  return v as CodePolicy['frequency'];
}

export function sanitizePolicy(v: unknown): CodePolicy | undefined {
  if (!isObj(v)) return undefined;
  const p: CodePolicy = {};
  if (v.frequency !== undefined) p.frequency = frequency(v.frequency);
  if (typeof v.priorAuth === 'boolean') p.priorAuth = v.priorAuth;
  if (typeof v.covered === 'boolean') p.covered = v.covered;
  if (strings(v.attachments)) p.attachments = v.attachments;
  if (strings(v.checklist)) p.checklist = v.checklist;
  if (isInt(v.minAge)) p.minAge = v.minAge;
  if (isInt(v.maxAge)) p.maxAge = v.maxAge;
  if (isStr(v.note)) p.note = v.note;
  if (p.frequency === undefined) delete p.frequency;
  return p;
}

function rules(v: unknown): PayerOverride['rules'] {
  const out: Obj = {};
  for (const [id, level] of entries(v)) if (RULES.has(id) && isStr(level) && LEVELS.has(level)) out[id] = level;
  return out as PayerOverride['rules'];
}

function codes(v: unknown): Record<string, CodePolicy> {
  const out: Record<string, CodePolicy> = {};
  for (const [code, policy] of entries(v)) {
    const p = CODE.test(code) ? sanitizePolicy(policy) : undefined;
    if (p) out[code] = p;
  }
  return out;
}

export function sanitizeOverride(v: unknown): PayerOverride | undefined {
  if (!isObj(v)) return undefined;
  const o: PayerOverride = {};
  if (isStr(v.name)) o.name = v.name;
  if (typeof v.enabled === 'boolean') o.enabled = v.enabled;
  if (strings(v.hosts)) o.hosts = v.hosts;
  if (isStr(v.note)) o.note = v.note;
  if (v.rules !== undefined) o.rules = rules(v.rules);
  if (v.codes !== undefined) o.codes = codes(v.codes);
  return o;
}

function userPayer(v: unknown): UserPayer | undefined {
  if (!isObj(v) || !isStr(v.id) || !ID.test(v.id) || FORBIDDEN_KEYS.has(v.id) || !isStr(v.name)) return undefined;
  if (v.kind !== 'payer' && v.kind !== 'clearinghouse') return undefined;
  const profile: PayerProfile = {
    id: v.id,
    name: v.name,
    kind: v.kind,
    enabled: v.enabled !== false,
    hosts: strings(v.hosts) ? v.hosts : [],
    source: isStr(v.source) ? v.source : '',
    confidence: 'user',
    rules: rules(v.rules) ?? {},
    codes: codes(v.codes),
  };
  if (isStr(v.note)) profile.note = v.note;
  return profile as UserPayer;
}

/** A payer layer (user or managed) from an untrusted object: well-formed entries only. */
export function sanitizeLayer(v: unknown): PayerLayer {
  const payers: Record<string, PayerOverride> = {};
  if (isObj(v))
    for (const [id, override] of entries(v.payers)) {
      const o = ID.test(id) ? sanitizeOverride(override) : undefined;
      if (o) payers[id] = o;
    }
  const added = isObj(v) && Array.isArray(v.addedPayers) ? v.addedPayers.map(userPayer) : [];
  return { payers, addedPayers: added.filter((p): p is UserPayer => !!p) };
}

/** Stored settings of the current version, hand-checked; null when they are not (the background recovers them). */
export function sanitizeSettings(v: unknown): Settings | null {
  if (!isObj(v) || v.version !== SETTINGS_VERSION) return null;
  const layer = sanitizeLayer(v);
  return {
    version: SETTINGS_VERSION,
    ...layer,
    sites: strings(v.sites) ? v.sites : [],
    licensedData: v.licensedData === true,
  };
}
