import { z } from 'zod';
import { ProcedureCode } from '../catalog/schema';
import { CodePolicy, MatchPattern, PayerProfile, RuleSeverity } from '../payers/schema';
import { RULE_IDS } from '../rules/ids';
import { FORBIDDEN_KEYS, SETTINGS_VERSION } from './version';

/**
 * The stored settings: only what the user CHANGED relative to the bundled defaults (data/payers, compiled into
 * .generated/payers.json). A new release's better defaults therefore reach every user who did not change that
 * value. This file is the single source of truth for the types; migrations/ holds one step per version.
 */

export const PayerId = PayerProfile.shape.id.refine((id) => !FORBIDDEN_KEYS.has(id), 'a payer id that is not reserved');

export const RuleSeverities = z.partialRecord(z.enum(RULE_IDS), RuleSeverity);
export const CodePolicies = z.record(ProcedureCode, CodePolicy);

/**
 * Changes to one payer profile (bundled or managed). A field present replaces the default; `rules` and `codes`
 * replace per rule id and per code (a code's policy as a whole: `{}` means "no payer-specific policy").
 */
export const PayerOverride = z
  .object({
    name: PayerProfile.shape.name.optional(),
    enabled: z.boolean().optional(),
    hosts: z.array(MatchPattern).max(50).optional(),
    rules: RuleSeverities.optional(),
    codes: CodePolicies.optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .strict();
export type PayerOverride = z.infer<typeof PayerOverride>;

/** A payer the office added itself. */
export const UserPayer = PayerProfile.extend({
  id: PayerId,
  kind: z.enum(['payer', 'clearinghouse']),
});
export type UserPayer = z.infer<typeof UserPayer>;

/** An origin where the user turned CDT Lens on: scheme, host and optional port, nothing else. */
export const SiteOrigin = z
  .string()
  .max(260)
  .regex(
    /^https?:\/\/([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/,
    'an origin such as https://pms.example.com (no path)',
  );

const uniqueIds = (payers: readonly { id: string }[]) => new Set(payers.map((p) => p.id)).size === payers.length;

export const SettingsV1 = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    /** Overrides of bundled (or group-managed) payers, by payer id. */
    payers: z.record(PayerId, PayerOverride).default({}),
    /** Payers the office added. */
    addedPayers: z.array(UserPayer).max(200).default([]).refine(uniqueIds, 'each added payer needs its own id'),
    /** Sites the user turned CDT Lens on for, besides the bundled payer portals. */
    sites: z
      .array(SiteOrigin)
      .max(200)
      .default([])
      .refine((s) => new Set(s).size === s.length, 'each site once'),
    /** The office confirmed it holds the ADA's CDT licence and imported its descriptors (kept apart). */
    licensedData: z.boolean().default(false),
  })
  .strict();

/** The current settings schema. When v2 comes, this becomes SettingsV2 and SettingsV1 stays for reference. */
export const Settings = SettingsV1;
export type Settings = z.infer<typeof Settings>;

/** What a user who changed nothing has stored. */
export function emptySettings(): Settings {
  return { version: SETTINGS_VERSION, payers: {}, addedPayers: [], sites: [], licensedData: false };
}

/** A copy of settings that could not be read, kept so nothing is silently lost. */
export interface RecoveredCopy {
  at: string;
  problem: string;
  raw: unknown;
}
