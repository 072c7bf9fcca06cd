import type { Catalog } from '../catalog/catalog';
import type { CatalogCode } from '../catalog/compact';
import type { Claim, ClaimLine } from '../claim/line';
import type { CodePolicy } from '../payers/schema';
import type { RuleId, Severity } from './ids';
import type { ShippedRuleTables } from './tables';

/** What a rule reports: the line(s) it concerns, a short message in plain words, and a fix where one exists. */
export interface Finding {
  ruleId: RuleId;
  severity: Exclude<Severity, 'off'>;
  lineIds: string[];
  message: string;
  fix?: string;
}

export type FindingDraft = Omit<Finding, 'ruleId' | 'severity'>;

/** The payer profile as the rule engine sees it: severities per rule and policies per code. */
export interface EffectivePayer {
  name: string;
  rules: Partial<Record<RuleId, Severity>>;
  codes: Record<string, CodePolicy>;
}

export interface RuleContext {
  catalog: Catalog;
  tables: ShippedRuleTables;
  payer: EffectivePayer;
  claim: Claim;
}

/** A line's code looked up for its date of service, done once per line before the line rules run. */
export interface CheckedLine {
  line: ClaimLine;
  entry?: CatalogCode;
  status: 'valid' | 'deleted' | 'not-yet-valid' | 'unknown' | 'none';
}

interface RuleBase {
  id: RuleId;
  /** One sentence: what the rule checks, shown in settings. */
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
}

/** A rule about one line on its own: re-run only for the line that changed. */
export interface LineRule extends RuleBase {
  scope: 'line';
  check(line: CheckedLine, ctx: RuleContext): FindingDraft[];
}

/**
 * A rule across the lines of a claim (same day, duplicates). Lines only meet inside a group (same code, teeth and
 * date; same conflict, visit and tooth): the rule says which groups a line belongs to and checks one group at a
 * time, so a keystroke re-checks the few groups its line left or joined, not the whole claim.
 */
export interface ClaimRule extends RuleBase {
  scope: 'claim';
  /** The keys of the groups this line belongs to (none: it meets no other line). */
  groupsOf(line: CheckedLine, ctx: RuleContext): readonly string[];
  /** Findings among the lines of one group of two or more, given in claim order. */
  check(group: readonly CheckedLine[], ctx: RuleContext, key: string): FindingDraft[];
}

export type Rule = LineRule | ClaimRule;
