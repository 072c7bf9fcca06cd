import { catalog, ruleTables } from '../../../lib/catalog';
import { parseLine, type RawLine } from '../../../lib/claim/line';
import { checkClaim } from '../../../lib/rules/engine';
import type { RuleId } from '../../../lib/rules/ids';
import type { EffectivePayer, Finding } from '../../../lib/rules/types';

export const DEFAULT_PAYER: EffectivePayer = { name: 'Default', rules: {}, codes: {} };

/** Checks claim lines (raw field text, as a page holds it) with the real bundled catalog and rule tables. */
export function check(lines: Omit<RawLine, 'id'>[], options: { payer?: Partial<EffectivePayer>; birthDate?: string; today?: string } = {}): Finding[] {
  const today = options.today ?? '2026-06-15';
  const claim = {
    lines: lines.map((l, i) => parseLine({ id: `line-${i + 1}`, ...l }, { today })),
    patientBirthDate: options.birthDate,
  };
  return checkClaim(claim, { catalog, tables: ruleTables(), payer: { ...DEFAULT_PAYER, ...options.payer } });
}

/** The findings of one rule. */
export function findingsOf(rule: RuleId, lines: Omit<RawLine, 'id'>[], options?: Parameters<typeof check>[1]): Finding[] {
  return check(lines, options).filter((f) => f.ruleId === rule);
}
