import { z } from 'zod';
import { ProcedureCode } from '../catalog/schema';

/** Every rule-table entry says it is a typical default and where that comes from. */
const Provenance = {
  typical: z.literal(true),
  source: z.string().trim().min(4).max(400),
};
const Codes = z.array(ProcedureCode).min(1).max(80);
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/);

/**
 * Lines on one date of service that payers do not pay together. Either a group (any two of `codes`) or two sides
 * (any code of `a` with any code of `b`). `scope` narrows it to the same tooth or quadrant.
 */
export const SameDayConflict = z
  .object({
    id: Id,
    kind: z.enum(['conflict', 'capture-pair']),
    codes: Codes.optional(),
    a: Codes.optional(),
    b: Codes.optional(),
    scope: z.enum(['visit', 'tooth', 'quadrant']).default('visit'),
    reason: z.string().trim().min(20).max(400),
    ...Provenance,
  })
  .strict()
  .refine((c) => (c.codes ? !c.a && !c.b : !!c.a && !!c.b), 'give either codes (a group) or a and b (two sides)');

export const FrequencyGroup = z
  .object({
    id: Id,
    codes: Codes,
    count: z.number().int().min(1).max(99),
    period: z.enum(['calendar-year', 'benefit-year', 'rolling-months', 'lifetime']),
    months: z.number().int().min(1).max(120).optional(),
    scope: z.enum(['patient', 'tooth', 'quadrant']),
    note: z.string().trim().min(10).max(400),
    ...Provenance,
  })
  .strict()
  .refine((f) => (f.period === 'rolling-months') === (f.months !== undefined), 'months goes with rolling-months');

export const AgeLimit = z
  .object({
    id: Id,
    codes: Codes,
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    note: z.string().trim().min(10).max(400),
    ...Provenance,
  })
  .strict()
  .refine((a) => a.minAge !== undefined || a.maxAge !== undefined, 'give minAge, maxAge or both');

export const AttachmentTrigger = z
  .object({
    id: Id,
    codes: Codes,
    attachments: z.array(z.string().trim().min(3).max(120)).min(1).max(8),
    ...Provenance,
  })
  .strict();

export const PriorAuthTendency = z
  .object({
    id: Id,
    codes: Codes,
    reason: z.string().trim().min(10).max(400),
    ...Provenance,
  })
  .strict();

export const RuleTables = z
  .object({
    sameDayConflicts: z.array(SameDayConflict),
    frequencyGroups: z.array(FrequencyGroup),
    ageLimits: z.array(AgeLimit),
    attachments: z.array(AttachmentTrigger),
    priorAuth: z.array(PriorAuthTendency),
  })
  .strict();
export type RuleTables = z.infer<typeof RuleTables>;
export type SameDayConflict = z.infer<typeof SameDayConflict>;
export type FrequencyGroup = z.infer<typeof FrequencyGroup>;

/** An entry as shipped to the extension: provenance stays in data/rules/, where reviewers read it. */
type Shipped<T> = Omit<T, 'source' | 'typical'>;
export interface ShippedRuleTables {
  sameDayConflicts: Shipped<SameDayConflict>[];
  frequencyGroups: Shipped<FrequencyGroup>[];
  ageLimits: Shipped<z.infer<typeof AgeLimit>>[];
  attachments: Shipped<z.infer<typeof AttachmentTrigger>>[];
  priorAuth: Shipped<z.infer<typeof PriorAuthTendency>>[];
}

export function shipRuleTables(tables: RuleTables): ShippedRuleTables {
  const strip = <T extends { source: string; typical: true }>({ source: _s, typical: _t, ...rest }: T) => rest;
  return {
    sameDayConflicts: tables.sameDayConflicts.map(strip),
    frequencyGroups: tables.frequencyGroups.map(strip),
    ageLimits: tables.ageLimits.map(strip),
    attachments: tables.attachments.map(strip),
    priorAuth: tables.priorAuth.map(strip),
  };
}
