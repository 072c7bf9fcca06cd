import { AREA_OF_QUADRANT } from '../../claim/area';
import type { ClaimLine } from '../../claim/line';
import type { ShippedRuleTables } from '../tables';
import { type CheckedLine, type ClaimRule, type FindingDraft, perLine, type RuleContext } from '../types';

type SameDayConflict = ShippedRuleTables['sameDayConflicts'][number];

/** Where a line sits, for a conflict's scope: the visit, each tooth, or each quadrant it touches. */
function scopeKeys(line: ClaimLine, scope: SameDayConflict['scope']): string[] {
  if (scope === 'visit') return ['visit'];
  if (scope === 'tooth') return line.teeth.teeth.map((t) => t.universal);
  const quadrants = new Set(line.teeth.teeth.map((t) => AREA_OF_QUADRANT[t.quadrant] as string));
  if (line.area.code) quadrants.add(line.area.code);
  return [...quadrants];
}

const serviceKey = perLine((line) => `${line.code}|${line.teeth.teeth.map((t) => t.universal).join()}|${[...line.surfaces.letters].sort().join('')}`);
const lineKey = (l: CheckedLine) => serviceKey(l.line);

function entriesByCode(tables: RuleContext['tables']) {
  const map = new Map<string, SameDayConflict[]>();
  for (const entry of tables.sameDayConflicts)
    for (const code of new Set([...(entry.codes ?? []), ...(entry.a ?? []), ...(entry.b ?? [])])) map.set(code, [...(map.get(code) ?? []), entry]);
  return map;
}

type Membership = { id: string; entry: SameDayConflict };
const membershipsByTables = new WeakMap<RuleContext['tables'], (line: ClaimLine) => Membership[]>();
/** The buckets a line falls in (entry, date, scope key), once per line and rule tables (codes indexed once). */
function membershipsOf(tables: RuleContext['tables']) {
  let of = membershipsByTables.get(tables);
  if (!of) {
    const byCode = entriesByCode(tables);
    of = perLine((line) =>
      (line.code ? (byCode.get(line.code) ?? []) : []).flatMap((entry) =>
        scopeKeys(line, entry.scope).map((key) => ({ id: `${entry.id}|${line.dateOfService}|${key}`, entry })),
      ),
    );
    membershipsByTables.set(tables, of);
  }
  return of;
}

export const sameDayConflict: ClaimRule = {
  id: 'same-day-conflict',
  scope: 'claim',
  description: 'Two lines on the same date of service that payers do not pay together (the reason is shown).',
  defaultSeverity: 'warning',
  check(lines, { tables }) {
    const memberships = membershipsOf(tables);
    // Bucket lines by (entry, date, scope key): each line lands in a few buckets, so the work stays linear
    // in the number of lines; pairs are only formed inside a bucket.
    const buckets = new Map<string, { entry: SameDayConflict; lines: CheckedLine[] }>();
    for (const l of lines)
      for (const { id, entry } of memberships(l.line)) {
        const bucket = buckets.get(id);
        if (bucket) bucket.lines.push(l);
        else buckets.set(id, { entry, lines: [l] });
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
