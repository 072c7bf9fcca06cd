import type { Claim, ClaimLine } from '../claim/line';
import { finish, pauser, type Steps } from '../steps';
import type { BadgeSeverity, Severity } from './ids';
import { RULES } from './index';
import type { CheckedLine, ClaimRule, EffectivePayer, Finding, LineRule, RuleContext } from './types';

const LINE_RULES = RULES.filter((r): r is LineRule => r.scope === 'line');
const CLAIM_RULES = RULES.filter((r): r is ClaimRule => r.scope === 'claim');
const RANK: Record<BadgeSeverity, number> = { ok: 0, info: 1, warning: 2, error: 3 };

function severityOf(rule: { id: Finding['ruleId']; defaultSeverity: Finding['severity'] }, payer: EffectivePayer): Severity {
  return payer.rules[rule.id] ?? rule.defaultSeverity;
}

export function checkLine(line: ClaimLine, ctx: Omit<RuleContext, 'claim'> & { claim?: Claim }): CheckedLine {
  if (!line.code) return { line, status: 'none' };
  const { status, entry } = ctx.catalog.lookupCode(line.code, line.dateOfService);
  return { line, status, entry };
}

function runLineRules(checked: CheckedLine, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  if (checked.status === 'none') return out;
  for (const rule of LINE_RULES) {
    const severity = severityOf(rule, ctx.payer);
    if (severity === 'off') continue;
    for (const draft of rule.check(checked, ctx)) out.push({ ruleId: rule.id, severity, ...draft });
  }
  return out;
}

/** Checks a whole claim: every line rule on every line, then the claim rules across lines. */
export function checkClaim(claim: Claim, ctx: Omit<RuleContext, 'claim'>): Finding[] {
  return createClaimChecker(ctx).check(claim).findings;
}

/** A line's worst finding, for its badge. */
export function worstSeverity(findings: readonly Finding[]): BadgeSeverity {
  let worst: BadgeSeverity = 'ok';
  for (const f of findings) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** Lines checked between pauses of a stepwise check; lines grouped, groups checked or lines gathered between later ones. */
const LINE_STEP = 25;
const GROUP_STEP = 200;

const lineSignature = (l: ClaimLine) => [l.code, l.toothSystem, l.teeth.raw, l.surfaces.raw, l.area.raw, l.dateOfService, l.quantity].join('\u0000');

/** What a line's badge shows, as one comparable string: its findings' rules and severities. */
const findingsSignature = (findings: readonly Finding[] | undefined) => (findings ? findings.map((f) => `${f.ruleId}:${f.severity}`).sort().join(' ') : '');

/** Each finding once: the same finding reached through two groups (two lines sharing two teeth) is one finding. */
function unique(findings: Iterable<Finding>): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.ruleId}|${f.lineIds.join('|')}|${f.message}`;
    if (!byKey.has(key)) byKey.set(key, f);
  }
  return [...byKey.values()];
}

export interface ClaimCheck {
  /** Every finding, line by line (gathered from byLine when read: read it before the next check). */
  readonly findings: Finding[];
  /** Each line's findings (kept current by the checker's later checks). */
  byLine: Map<string, Finding[]>;
  /** Lines whose fields or findings differ from the previous check (every line at first), removed lines included. */
  changed: Set<string>;
}

/** What the checker keeps of a line: its fields as last checked, its line rules' findings and its claim-rule groups. */
interface LineEntry {
  line: ClaimLine;
  signature: string;
  checked: CheckedLine;
  findings: Finding[];
  /** Per claim rule in use, the keys of the groups the line is in. */
  groups: string[][];
  /** Its place in the claim, and the check that last saw it there. */
  index: number;
  seen: number;
}

/**
 * Keeps a claim's findings current as lines change, at the cost of the change rather than of the claim: line
 * rules re-run only for lines whose fields changed, claim rules only for the groups those lines left or joined,
 * and only the lines whose fields or findings changed are reported, so a keystroke redraws one badge, not one per
 * line. A line passed as the same object as last time is known unchanged without a look at its fields. Context
 * changes (birth date) start over; a payer's settings are fixed per checker (see reset).
 */
export function createClaimChecker(ctx: Omit<RuleContext, 'claim'>) {
  const claimRules = CLAIM_RULES.filter((r) => severityOf(r, ctx.payer) !== 'off');
  let entries: Map<string, LineEntry>;
  /** Per claim rule: each group's member line ids, and its findings as last checked. */
  let members: Map<string, Set<string>>[];
  let groupFindings: Map<string, Finding[]>[];
  let byLine: Map<string, Finding[]>;
  /** Each line's findings signature as last reported. */
  let shown: Map<string, string>;
  let lastContext = '';
  reset();

  function reset() {
    entries = new Map();
    members = claimRules.map(() => new Map());
    groupFindings = claimRules.map(() => new Map());
    byLine = new Map();
    shown = new Map();
  }

  /** Moves a line out of its old groups and into its new ones, noting each group touched. */
  function regroup(id: string, from: LineEntry | undefined, to: LineEntry | undefined, touched: Set<string>[]) {
    claimRules.forEach((_, r) => {
      for (const key of from?.groups[r] ?? []) {
        const group = members[r].get(key);
        group?.delete(id);
        if (group && !group.size) members[r].delete(key);
        touched[r].add(key);
      }
      for (const key of to?.groups[r] ?? []) {
        const group = members[r].get(key);
        if (group) group.add(id);
        else members[r].set(key, new Set([id]));
        touched[r].add(key);
      }
    });
  }

  /** Re-checks the touched groups; the lines whose claim findings may have changed. */
  function* checkGroups(touched: Set<string>[], full: RuleContext, pause: () => boolean): Steps<Set<string>> {
    const reached = new Set<string>();
    for (const [r, rule] of claimRules.entries()) {
      const severity = severityOf(rule, ctx.payer) as Finding['severity'];
      for (const key of touched[r]) {
        if (pause()) yield;
        for (const f of groupFindings[r].get(key) ?? []) for (const id of f.lineIds) reached.add(id);
        const ids = members[r].get(key);
        if (!ids || ids.size < 2) {
          groupFindings[r].delete(key);
          continue;
        }
        const group = [...ids].map((id) => entries.get(id)!).sort((a, b) => a.index - b.index).map((e) => e.checked);
        const found = rule.check(group, full, key).map((draft): Finding => ({ ruleId: rule.id, severity, ...draft }));
        groupFindings[r].set(key, found);
        for (const f of found) for (const id of f.lineIds) reached.add(id);
      }
    }
    return reached;
  }

  /** A line's findings: its own, then those of its groups that concern it, each once. */
  function findingsOfLine(id: string, entry: LineEntry): Finding[] {
    const fromGroups = claimRules.flatMap((_, r) => entry.groups[r].flatMap((key) => groupFindings[r].get(key) ?? []));
    return [...entry.findings, ...unique(fromGroups.filter((f) => f.lineIds.includes(id)))];
  }

  let serial = 0;
  /**
   * Which lines need their line rules run: a known line passed as the same object, or with the same fields, does
   * not, unless the context changed (fresh). Known lines are stamped with this check's serial and their place in the claim.
   */
  function scan(claim: Claim, stamp: number, fresh: boolean) {
    const work: [ClaimLine, number, string][] = [];
    const sameFields: [LineEntry, ClaimLine][] = [];
    let seenKnown = 0;
    const { lines } = claim;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const entry = entries.get(line.id);
      if (entry) {
        seenKnown++;
        entry.index = i;
        entry.seen = stamp;
        if (entry.line === line && !fresh) continue;
      }
      const signature = lineSignature(line);
      if (entry?.signature === signature && !fresh) sameFields.push([entry, line]);
      else work.push([line, i, signature]);
    }
    return { work, sameFields, seenKnown };
  }

  /** A check, pausing every few dozen lines whose line rules run, then every few hundred lines or groups. One at a time per checker. */
  function* checkInSteps(claim: Claim): Steps<ClaimCheck> {
    const pause = pauser(LINE_STEP);
    const contextKey = `${claim.patientBirthDate ?? ''}`;
    const full = { ...ctx, claim };
    const fresh = contextKey !== lastContext;
    const stamp = ++serial;
    const { work, sameFields, seenKnown } = scan(claim, stamp, fresh);
    const updated = new Map<string, LineEntry>();
    for (const [line, index, signature] of work) {
      if (pause()) yield;
      const checked = checkLine(line, full);
      const groups = claimRules.map((rule) => [...new Set(rule.groupsOf(checked, full))]);
      updated.set(line.id, { line, signature, checked, findings: runLineRules(checked, full), groups, index, seen: stamp });
    }
    // From here on the checker's state changes: a check abandoned past this point takes its checker with it (a
    // whole-page read, the only caller that abandons one, checks with checkers of its own). Pauses are further
    // apart: the first check of a 2,000-line claim groups every line.
    const pauseState = pauser(GROUP_STEP);
    // Known lines no longer in the claim: looked for only when the count says there are some.
    const removed = entries.size > seenKnown ? [...entries.keys()].filter((id) => entries.get(id)!.seen !== stamp) : [];
    if (fresh) reset();
    lastContext = contextKey;
    for (const [entry, line] of sameFields) entry.line = line;
    const touched = claimRules.map(() => new Set<string>());
    const changed = new Set<string>();
    for (const id of removed) {
      regroup(id, entries.get(id), undefined, touched);
      entries.delete(id);
      byLine.delete(id);
      shown.delete(id);
      changed.add(id);
    }
    for (const [id, entry] of updated) {
      if (pauseState()) yield;
      regroup(id, entries.get(id), entry, touched);
      entries.set(id, entry);
    }
    const reached = yield* checkGroups(touched, full, pauseState);
    for (const id of new Set([...updated.keys(), ...reached])) {
      if (pauseState()) yield;
      const entry = entries.get(id);
      if (!entry) continue;
      const lineFindings = findingsOfLine(id, entry);
      if (lineFindings.length) byLine.set(id, lineFindings);
      else byLine.delete(id);
      const signature = findingsSignature(lineFindings);
      if (shown.get(id) !== signature || updated.has(id)) changed.add(id);
      shown.set(id, signature);
    }
    return {
      // Line by line, each finding once (one concerning two lines comes with the first).
      get findings() {
        return unique(claim.lines.flatMap((line) => byLine.get(line.id) ?? []));
      },
      byLine,
      changed,
    };
  }

  return {
    check: (claim: Claim): ClaimCheck => finish(checkInSteps(claim)),
    checkInSteps,
    /** Forget cached results, e.g. when the payer's settings change. */
    reset,
  };
}
