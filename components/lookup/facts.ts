import type { FrequencyGroup, ShippedRuleTables } from '../../lib/rules/tables';

type SameDayConflict = ShippedRuleTables['sameDayConflicts'][number];

/** The typical payer rules (data/rules) that mention one code, in words a coder reads at a glance. */
export interface CodeFacts {
  frequency: string[];
  conflicts: { codes: string[]; reason: string }[];
  ages: string[];
  attachments: string[];
  priorAuth: string[];
}

const PERIOD = {
  'calendar-year': 'per calendar year',
  'benefit-year': 'per benefit year',
  lifetime: 'per lifetime',
} as const;

export function frequencyText(f: Pick<FrequencyGroup, 'count' | 'period' | 'months' | 'scope'>): string {
  const times = f.count === 1 ? 'once' : f.count === 2 ? 'twice' : `${f.count} times`;
  const period = f.period === 'rolling-months' ? `every ${f.months} months` : PERIOD[f.period];
  return `${times} ${period}, per ${f.scope}`;
}

function conflictPartners(c: SameDayConflict, code: string): string[] | null {
  if (c.codes) return c.codes.includes(code) ? c.codes.filter((x) => x !== code) : null;
  if (c.a?.includes(code)) return c.b ?? [];
  if (c.b?.includes(code)) return c.a ?? [];
  return null;
}

export function codeFacts(code: string, tables: ShippedRuleTables): CodeFacts {
  const frequency = tables.frequencyGroups
    .filter((f) => f.codes.includes(code))
    .map((f) => {
      const shared = f.codes.length > 1 ? ` (shared with ${f.codes.filter((c) => c !== code).join(', ')})` : '';
      return `${frequencyText(f)}${shared}. ${f.note}`;
    });
  const conflicts = tables.sameDayConflicts.flatMap((c) => {
    const partners = conflictPartners(c, code);
    return partners?.length ? [{ codes: partners, reason: c.reason }] : [];
  });
  const ages = tables.ageLimits
    .filter((a) => a.codes.includes(code))
    .map((a) => {
      const from = a.minAge !== undefined ? [`from age ${a.minAge}`] : [];
      const to = a.maxAge !== undefined ? [`up to age ${a.maxAge}`] : [];
      return `${[...from, ...to].join(', ')}. ${a.note}`;
    });
  const triggers = tables.attachments.filter((a) => a.codes.includes(code));
  const attachments = [...new Set(triggers.flatMap((a) => a.attachments))];
  const priorAuth = tables.priorAuth.filter((p) => p.codes.includes(code)).map((p) => p.reason);
  return { frequency, conflicts, ages, attachments, priorAuth };
}
