import { AREA_OF_QUADRANT } from '../../claim/area';
import type { ShippedRuleTables } from '../tables';

type SameDayConflict = ShippedRuleTables['sameDayConflicts'][number];
import { type CheckedLine, type ClaimRule, type FindingDraft, perLine, type RuleContext } from '../types';

/** Where a line sits, for a conflict's scope: the visit, each tooth, or each quadrant it touches. */
function scopeKeys(l: CheckedLine, scope: SameDayConflict['scope']): string[] {
  if (scope === 'visit') return ['visit'];
  if (scope === 'tooth') return l.line.teeth.teeth.map((t) => t.universal);
  const quadrants = new Set(l.line.teeth.teeth.map((t) => AREA_OF_QUADRANT[t.quadrant] as string));
  if (l.line.area.code) quadrants.add(l.line.area.code);
  return [...quadrants];
}

const serviceKey = perLine((line) => `${line.code}|${line.teeth.teeth.map((t) => t.universal).join()}|${[...line.surfaces.letters].sort().join('')}`);
const lineKey = (l: CheckedLine) => serviceKey(l.line);

const conflictsByCode = new WeakMap<RuleContext['tables'], Map<string, SameDayConflict[]>>();
function entriesByCode(tables: RuleContext['tables']) {
  let map = conflictsByCode.get(tables);
  if (!map) {
    map = new Map();
    for (const entry of tables.sameDayConflicts)
      for (const code of new Set([...(entry.codes ?? []), ...(entry.a ?? []), ...(entry.b ?? [])])) map.set(code, [...(map.get(code) ?? []), entry]);
    conflictsByCode.set(tables, map);
  }
  return map;
}

export const sameDayConflict: ClaimRule = {
  id: 'same-day-conflict',
  scope: 'claim',
  description: 'Two lines on the same date of service that payers do not pay together (the reason is shown).',
  defaultSeverity: 'warning',
  check(lines, { tables }) {
    const byCode = entriesByCode(tables);
    // Bucket lines by (entry, date, scope key): each line lands in a few buckets, so the work stays linear
    // in the number of lines; pairs are only formed inside a bucket.
    const buckets = new Map<string, { entry: SameDayConflict; lines: CheckedLine[] }>();
    for (const l of lines) {
      const entries = l.line.code ? byCode.get(l.line.code) : undefined;
      if (!entries) continue;
      for (const entry of entries)
        for (const key of scopeKeys(l, entry.scope)) {
          const id = `${entry.id}|${l.line.dateOfService}|${key}`;
          const bucket = buckets.get(id) ?? { entry, lines: [] };
          bucket.lines.push(l);
          buckets.set(id, bucket);
        }
    }
    const out: FindingDraft[] = [];
    const reported = new Set<string>();
    for (const { entry, lines: members } of buckets.values()) {
      if (members.length < 2) continue;
      const sideA = entry.codes ? members : members.filter((m) => entry.a!.includes(m.line.code!));
      const sideB = entry.codes ? members : members.filter((m) => entry.b!.includes(m.line.code!));
      // One finding per line in the bucket, paired with the first line it conflicts with.
      for (const a of sideA) {
        const b = sideB.find((x) => x !== a && lineKey(x) !== lineKey(a));
        if (!b) continue;
        const pair = [a.line.id, b.line.id].sort().join('|');
        if (reported.has(`${entry.id}|${pair}`)) continue;
        reported.add(`${entry.id}|${pair}`);
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
    }
    return out;
  },
};
