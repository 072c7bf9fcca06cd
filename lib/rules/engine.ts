import type { Claim, ClaimLine } from '../claim/line';
import { finish, pauser, type Steps } from '../steps';
import type { BadgeSeverity, Severity } from './ids';
import { RULES } from './index';
import { type CheckedLine, type ClaimRule, type EffectivePayer, type Finding, type LineRule, perLine, type RuleContext } from './types';

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

function runClaimRules(lines: CheckedLine[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of CLAIM_RULES) {
    const severity = severityOf(rule, ctx.payer);
    if (severity === 'off') continue;
    for (const draft of rule.check(lines, ctx)) out.push({ ruleId: rule.id, severity, ...draft });
  }
  return out;
}

/** Checks a whole claim: every line rule on every line, then the claim rules across lines. */
export function checkClaim(claim: Claim, ctx: Omit<RuleContext, 'claim'>): Finding[] {
  const full = { ...ctx, claim };
  const checked = claim.lines.map((l) => checkLine(l, full));
  return [...checked.flatMap((c) => runLineRules(c, full)), ...runClaimRules(checked, full)];
}

/** A line's worst finding, for its badge. */
export function worstSeverity(findings: readonly Finding[]): BadgeSeverity {
  let worst: BadgeSeverity = 'ok';
  for (const f of findings) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** Lines checked between pauses of a stepwise check. */
const LINE_STEP = 25;

const lineSignature = perLine((l: ClaimLine) =>
  [l.code, l.toothSystem, l.teeth.raw, l.surfaces.raw, l.area.raw, l.dateOfService, l.quantity].join('\u0000'));

/** What a line's badge shows, as one comparable string: its findings' rules and severities. */
const findingsSignature = (findings: readonly Finding[] | undefined) => (findings ? findings.map((f) => `${f.ruleId}:${f.severity}`).sort().join(' ') : '');

export interface ClaimCheck {
  findings: Finding[];
  byLine: Map<string, Finding[]>;
  /** Lines whose fields or findings differ from the previous check (every line at first), removed lines included. */
  changed: Set<string>;
}

/**
 * Keeps a claim's findings current as lines change: line rules re-run only for lines whose fields changed,
 * claim rules (linear) re-run across the claim, and only the lines whose fields or findings changed are reported,
 * so a keystroke redraws one badge, not one per line. Context changes (payer, birth date) clear the cache.
 */
export function createClaimChecker(ctx: Omit<RuleContext, 'claim'>) {
  const cache = new Map<string, { signature: string; checked: CheckedLine; findings: Finding[] }>();
  /** Each line's findings signature as last reported. */
  const shown = new Map<string, string>();
  /** Lines that claim rules flagged last time: they may change without their own fields changing. */
  let claimFlagged = new Set<string>();
  let lastContext = '';
  /** A check, pausing every few dozen lines whose line rules run. */
  function* checkInSteps(claim: Claim): Steps<ClaimCheck> {
    const pause = pauser(LINE_STEP);
    const contextKey = `${claim.patientBirthDate ?? ''}`;
    if (contextKey !== lastContext) {
      cache.clear();
      lastContext = contextKey;
    }
    const full = { ...ctx, claim };
    const checked: CheckedLine[] = [];
    const findings: Finding[] = [];
    const live = new Set<string>();
    const candidates = new Set<string>();
    for (const line of claim.lines) {
      live.add(line.id);
      const signature = lineSignature(line);
      let hit = cache.get(line.id);
      if (hit?.signature !== signature) {
        if (pause()) yield;
        const c = checkLine(line, full);
        hit = { signature, checked: c, findings: runLineRules(c, full) };
        cache.set(line.id, hit);
        candidates.add(line.id);
      }
      checked.push(hit.checked);
      findings.push(...hit.findings);
    }
    const changed = new Set<string>();
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    for (const id of shown.keys())
      if (!live.has(id)) {
        shown.delete(id);
        changed.add(id);
      }
    const claimFindings = runClaimRules(checked, full);
    findings.push(...claimFindings);
    const byLine = new Map<string, Finding[]>();
    for (const f of findings)
      for (const id of f.lineIds) {
        const list = byLine.get(id);
        if (list) list.push(f);
        else byLine.set(id, [f]);
      }
    const flagged = new Set(claimFindings.flatMap((f) => f.lineIds));
    for (const id of new Set([...candidates, ...flagged, ...claimFlagged])) {
      if (!live.has(id)) continue;
      const signature = findingsSignature(byLine.get(id));
      if (shown.get(id) !== signature || candidates.has(id)) changed.add(id);
      shown.set(id, signature);
    }
    claimFlagged = flagged;
    return { findings, byLine, changed };
  }
  return {
    check: (claim: Claim): ClaimCheck => finish(checkInSteps(claim)),
    checkInSteps,
    /** Forget cached results, e.g. when the payer's settings change. */
    reset() {
      cache.clear();
      shown.clear();
      claimFlagged = new Set();
    },
  };
}
