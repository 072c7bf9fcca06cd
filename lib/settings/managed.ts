import { z } from 'zod';
import type { RuleId } from '../rules/ids';
import type { PayerLayer } from './merge';
import { own } from './merge';
import { PayerId, PayerOverride, UserPayer } from './schema';
import { describeZodError } from './zod-error';

/**
 * A dental group's policy, pushed by its IT admin through the browser's enterprise policy into
 * storage.managed (schema: public/managed-schema.json). Managed payers and values win over the user's and
 * are shown locked. Each entry is checked on its own: one typo must not drop the whole policy.
 */
export const ManagedPolicy = z.object({
  payers: z.record(z.string(), z.unknown()).optional(),
  addedPayers: z.array(z.unknown()).optional(),
  message: z.string().max(500).optional(),
});

export interface ManagedSettings extends PayerLayer {
  message?: string;
  /** Policy entries that were ignored, in words, for the options page. */
  problems: string[];
}

export function parseManagedPolicy(raw: unknown): ManagedSettings {
  const top = ManagedPolicy.safeParse(raw ?? {});
  if (!top.success) return { payers: {}, addedPayers: [], problems: [`policy ignored: ${describeZodError(top.error)}`] };
  const problems: string[] = [];
  const payers: Record<string, PayerOverride> = {};
  for (const [id, value] of Object.entries(top.data.payers ?? {})) {
    const ok = PayerId.safeParse(id);
    const override = PayerOverride.safeParse(value);
    if (ok.success && override.success) payers[id] = override.data;
    else problems.push(`payers › ${id}: ${ok.success ? describeZodError(override.error!) : 'not a payer id'}`);
  }
  const addedPayers: UserPayer[] = [];
  (top.data.addedPayers ?? []).forEach((value, i) => {
    const payer = UserPayer.safeParse(value);
    if (payer.success) addedPayers.push({ ...payer.data, confidence: 'user' });
    else problems.push(`addedPayers › ${i}: ${describeZodError(payer.error)}`);
  });
  return { payers, addedPayers, message: top.data.message, problems };
}

export async function loadManaged(): Promise<ManagedSettings> {
  try {
    return parseManagedPolicy(await browser.storage.managed.get());
  } catch {
    return { payers: {}, addedPayers: [], problems: [] };
  }
}

/** What the managed policy fixes for one payer: the options page disables these controls. */
export interface PayerLocks {
  /** The whole payer comes from the policy. */
  all: boolean;
  name: boolean;
  enabled: boolean;
  hosts: boolean;
  note: boolean;
  rules: ReadonlySet<RuleId>;
  codes: ReadonlySet<string>;
}

export const NO_LOCKS: PayerLocks = {
  all: false,
  name: false,
  enabled: false,
  hosts: false,
  note: false,
  rules: new Set(),
  codes: new Set(),
};

export function locksFor(payerId: string, managed: PayerLayer | undefined): PayerLocks {
  if (!managed) return NO_LOCKS;
  if (managed.addedPayers.some((p) => p.id === payerId))
    return { all: true, name: true, enabled: true, hosts: true, note: true, rules: new Set(), codes: new Set() };
  const o = own(managed.payers, payerId);
  if (!o) return NO_LOCKS;
  return {
    all: false,
    name: o.name !== undefined,
    enabled: o.enabled !== undefined,
    hosts: o.hosts !== undefined,
    note: o.note !== undefined,
    rules: new Set(Object.keys(o.rules ?? {}) as RuleId[]),
    codes: new Set(Object.keys(o.codes ?? {})),
  };
}

export function isLocked(locks: PayerLocks, what: { rule?: RuleId; code?: string }): boolean {
  if (locks.all) return true;
  if (what.rule) return locks.rules.has(what.rule);
  if (what.code) return locks.codes.has(what.code);
  return false;
}
