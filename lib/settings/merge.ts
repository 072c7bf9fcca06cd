import type { PayerProfile } from '../payers/schema';
import { effectivePayer, payerForUrl } from '../payers/resolve';
import type { RuleId } from '../rules/ids';
import type { EffectivePayer } from '../rules/types';
import type { PayerOverride, Settings, UserPayer } from './schema';

/**
 * Layers of payer settings, lowest first: bundled defaults, the user's changes, the group's managed policy.
 * Zod-free on purpose: the content script imports this module.
 */
export interface PayerLayer {
  payers: Record<string, PayerOverride>;
  addedPayers: UserPayer[];
}

export const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

const clone = <T>(v: T): T => structuredClone(v);

/** A copy of a record without one key. */
export function omitKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** A profile with an override applied: fields replace, rules and codes replace one key at a time. */
export function applyOverride(profile: PayerProfile, override: PayerOverride | undefined): PayerProfile {
  if (!override) return profile;
  const next: PayerProfile = { ...profile, rules: { ...profile.rules }, codes: { ...profile.codes } };
  if (override.name !== undefined) next.name = override.name;
  if (override.enabled !== undefined) next.enabled = override.enabled;
  if (override.hosts !== undefined) next.hosts = [...override.hosts];
  if (override.note !== undefined) next.note = override.note;
  Object.assign(next.rules, override.rules);
  for (const [code, policy] of Object.entries(override.codes ?? {})) {
    next.codes = Object.keys(policy).length ? { ...next.codes, [code]: clone(policy) } : omitKey(next.codes, code);
  }
  return next;
}

function applyLayer(profiles: PayerProfile[], layer: PayerLayer | undefined): PayerProfile[] {
  if (!layer) return profiles;
  const out = profiles.map((p) => applyOverride(p, own(layer.payers, p.id)));
  for (const added of layer.addedPayers) {
    const at = out.findIndex((p) => p.id === added.id);
    const profile = applyOverride(clone(added), own(layer.payers, added.id));
    if (at === -1) out.push(profile);
    else if (out[at].kind !== 'default') out[at] = profile;
  }
  return out;
}

/** The user's layer as stored. */
export function userLayer(settings: Pick<Settings, 'payers' | 'addedPayers'>): PayerLayer {
  return { payers: settings.payers, addedPayers: settings.addedPayers };
}

/**
 * Every payer profile in force: bundled, then the user's changes and payers, then the managed policy on top.
 * A user payer whose id is a bundled one is ignored (it would shadow the default silently).
 */
export function mergePayers(bundled: readonly PayerProfile[], user?: PayerLayer, managed?: PayerLayer): PayerProfile[] {
  const bundledIds = new Set(bundled.map((p) => p.id));
  const safeUser = user && { ...user, addedPayers: user.addedPayers.filter((p) => !bundledIds.has(p.id)) };
  return applyLayer(applyLayer(bundled.map(clone), safeUser), managed);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The smallest override that turns `base` into `edited`, or undefined when they are the same. */
export function diffProfile(base: PayerProfile, edited: PayerProfile): PayerOverride | undefined {
  const o: PayerOverride = {};
  if (edited.name !== base.name) o.name = edited.name;
  if (edited.enabled !== base.enabled) o.enabled = edited.enabled;
  if (!same(edited.hosts, base.hosts)) o.hosts = [...edited.hosts];
  if ((edited.note ?? '') !== (base.note ?? '')) o.note = edited.note ?? '';
  const rules: PayerOverride['rules'] = {};
  for (const id of new Set([...Object.keys(base.rules), ...Object.keys(edited.rules)]) as Set<RuleId>) {
    const value = edited.rules[id];
    if (value !== base.rules[id] && value !== undefined) rules[id] = value;
  }
  if (Object.keys(rules).length) o.rules = rules;
  const codes: NonNullable<PayerOverride['codes']> = {};
  for (const code of new Set([...Object.keys(base.codes), ...Object.keys(edited.codes)])) {
    const value = own(edited.codes, code) ?? {};
    if (!same(value, own(base.codes, code) ?? {})) codes[code] = clone(value);
  }
  if (Object.keys(codes).length) o.codes = codes;
  return Object.keys(o).length ? o : undefined;
}

/**
 * The user layer that turns the bundled defaults into `edited` (the options page's working copy of every
 * profile, without the managed layer): overrides for bundled ids, the rest as added payers.
 */
export function layerFromProfiles(bundled: readonly PayerProfile[], edited: readonly PayerProfile[]): PayerLayer {
  const byId = new Map(bundled.map((p) => [p.id, p]));
  const payers: Record<string, PayerOverride> = {};
  const addedPayers: UserPayer[] = [];
  for (const profile of edited) {
    const base = byId.get(profile.id);
    if (base) {
      const override = diffProfile(base, profile);
      if (override) payers[profile.id] = override;
    } else if (profile.kind !== 'default') addedPayers.push({ ...clone(profile), kind: profile.kind, confidence: 'user' });
  }
  return { payers, addedPayers };
}

/** The payer for a page and what the rule engine needs from it. */
export interface ResolvedPayer {
  profile: PayerProfile;
  payer: EffectivePayer;
  /** True when the user picked this payer for the tab. */
  chosen: boolean;
}

export function resolveFromProfiles(url: string, profiles: readonly PayerProfile[], chosenId?: string | null): ResolvedPayer {
  const profile = payerForUrl(url, profiles, chosenId);
  return { profile, payer: effectivePayer(profile), chosen: !!chosenId && profile.id === chosenId };
}
