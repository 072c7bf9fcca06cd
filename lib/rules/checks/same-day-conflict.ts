import { AREA_OF_QUADRANT } from '../../claim/area';
import type { ClaimLine } from '../../claim/line';
import type { ShippedRuleTables } from '../tables';
import type { ClaimRule, FindingDraft, RuleContext } from '../types';

type SameDayConflict = ShippedRuleTables['sameDayConflicts'][number];

/** Where a line sits, for a conflict's scope: the visit, each tooth, or each quadrant it touches. */
function scopeKeys(line: ClaimLine, scope: SameDayConflict['scope']): string[] {
  if (scope === 'visit') return ['visit'];
  if (scope === 'tooth') return line.teeth.teeth.map((t) => t.universal);
  const quadrants = new Set(line.teeth.teeth.map((t) => AREA_OF_QUADRANT[t.quadrant] as string));
  if (line.area.code) quadrants.add(line.area.code);
  return [...quadrants];
}

const serviceKey = (line: ClaimLine) => `${line.code}|${line.teeth.teeth.map((t) => t.universal).join()}|${[...line.surfaces.letters].sort().join('')}`;

const entriesByCode = new WeakMap<RuleContext['tables'], Map<string, number[]>>();
/** Which conflicts (by index in the tables) name each code, indexed once per rule tables. */
function conflictsOf(tables: RuleContext['tables'], code: string): number[] {
  let byCode = entriesByCode.get(tables);
  if (!byCode) {
    byCode = new Map();
    tables.sameDayConflicts.forEach((entry, i) => {
      for (const c of new Set([...(entry.codes ?? []), ...(entry.a ?? []), ...(entry.b ?? [])])) byCode!.set(c, [...(byCode!.get(c) ?? []), i]);
    });
    entriesByCode.set(tables, byCode);
  }
  return byCode.get(code) ?? [];
}

export const sameDayConflict: ClaimRule = {
  id: 'same-day-conflict',
  scope: 'claim',
  description: 'Two lines on the same date of service that payers do not pay together (the reason is shown).',
  defaultSeverity: 'warning',
  // A group per conflict, date and scope key (the visit, a tooth or a quadrant): a line lands in a few groups.
  groupsOf({ line }, { tables }) {
    if (!line.code) return [];
    return conflictsOf(tables, line.code).flatMap((i) =>
      scopeKeys(line, tables.sameDayConflicts[i].scope).map((key) => `${i}|${line.dateOfService}|${key}`),
    );
  },
  check(members, { tables }, key) {
    const entry: SameDayConflict = tables.sameDayConflicts[Number(key.slice(0, key.indexOf('|')))];
    const sideA = entry.codes ? members : members.filter((m) => entry.a!.includes(m.line.code!));
    const sideB = entry.codes ? members : members.filter((m) => entry.b!.includes(m.line.code!));
    const out: FindingDraft[] = [];
    const reported = new Set<string>();
    // One finding per line in the group, paired with the first line it conflicts with. Two lines sharing two teeth
    // meet in two groups: the engine keeps one of the identical findings.
    const service = new Map(members.map((m) => [m, serviceKey(m.line)]));
    for (const a of sideA) {
      const b = sideB.find((x) => service.get(x) !== service.get(a));
      if (!b) continue;
      const pair = [a.line.id, b.line.id].sort().join('|');
      if (reported.has(pair)) continue;
      reported.add(pair);
      const where = entry.scope === 'tooth' ? ' on the same tooth' : entry.scope === 'quadrant' ? ' in the same quadrant' : '';
      out.push({
        lineIds: [a.line.id, b.line.id],
        message: `${a.line.code} and ${b.line.code}${where} on ${a.line.dateOfService}: ${entry.reason}`,
        fix:
          entry.kind === 'capture-pair'
            ? 'Bill the image once, with the code that matches who interpreted it.'
            : 'Check which service the record supports for this visit, or document why both were needed.',
      });
    }
    return out;
  },
};
