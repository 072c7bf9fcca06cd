import { z } from 'zod';
import { ProcedureCode } from '../catalog/schema';
import { RULE_IDS, SEVERITIES } from '../rules/ids';

export const RuleSeverity = z.enum(SEVERITIES);

/**
 * A WebExtension match pattern limited to what a payer portal needs: https (or *) scheme, an exact host or
 * "*." subdomain wildcard, and a path.
 */
export const MatchPattern = z
  .string()
  .max(300)
  .regex(
    /^(https|\*):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+)(:\d{1,5})?\/.*$/,
    'a match pattern such as https://portal.example.com/*',
  );

export const FrequencyLimit = z
  .object({
    count: z.number().int().min(1).max(99),
    period: z.enum(['calendar-year', 'benefit-year', 'rolling-months', 'lifetime']),
    /** For rolling-months: the window length. */
    months: z.number().int().min(1).max(120).optional(),
    scope: z.enum(['patient', 'tooth', 'quadrant']),
  })
  .strict()
  .refine(
    (f) => (f.period === 'rolling-months') === (f.months !== undefined),
    'months is given exactly when period is rolling-months',
  );

export const CodePolicy = z
  .object({
    frequency: FrequencyLimit.optional(),
    priorAuth: z.boolean().optional(),
    attachments: z.array(z.string().trim().min(2).max(120)).max(10).optional(),
    covered: z.boolean().optional(),
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    checklist: z.array(z.string().trim().min(2).max(200)).max(20).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

/** CSS selectors for portals the heuristics read wrongly: field roles and rows (">>>" pierces a shadow root or iframe). */
export const SiteSelectors = z
  .object({
    row: z.string().max(500).optional(),
    code: z.string().max(500).optional(),
    tooth: z.string().max(500).optional(),
    toothSystem: z.string().max(500).optional(),
    surface: z.string().max(500).optional(),
    area: z.string().max(500).optional(),
    date: z.string().max(500).optional(),
  })
  .strict();

export const PayerProfile = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'an id of lower-case letters, digits and hyphens'),
    name: z.string().trim().min(2).max(120),
    kind: z.enum(['payer', 'clearinghouse', 'default']),
    enabled: z.boolean().default(true),
    /** Portal pages that mean "this payer". */
    hosts: z.array(MatchPattern).max(50).default([]),
    /** Where the hosts and defaults come from, and how sure that is. */
    source: z.string().trim().max(400).default(''),
    confidence: z.enum(['seen', 'recall', 'user']).default('user'),
    rules: z.partialRecord(z.enum(RULE_IDS), RuleSeverity).default({}),
    codes: z.record(ProcedureCode, CodePolicy).default({}),
    note: z.string().trim().max(4000).optional(),
    selectors: SiteSelectors.optional(),
  })
  .strict();
export type PayerProfile = z.infer<typeof PayerProfile>;
export type CodePolicy = z.infer<typeof CodePolicy>;
