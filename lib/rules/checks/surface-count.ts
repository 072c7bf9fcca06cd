import type { CatalogCode } from '../../catalog/compact';
import type { LineRule, RuleContext } from '../types';

const countWord = (n: number) => ['no', 'one', 'two', 'three', 'four', 'five'][n] ?? String(n);
const rangeWord = ({ min, max }: { min: number; max: number }) =>
  min === max ? `${countWord(min)}-surface` : max >= 5 ? `${countWord(min)}-or-more-surface` : `${countWord(min)}-to-${countWord(max)}-surface`;

/** The code of the same family (same D2x block, same kind of tooth) for this many surfaces, nearest first. */
function codeForCount(entry: CatalogCode, count: number, ctx: RuleContext): string | undefined {
  const block = entry.code.slice(0, 3);
  return ctx.catalog
    .listCodes()
    .filter(
      (c) =>
        c.code.startsWith(block) &&
        c.area === 'SURF' &&
        !c.deleted &&
        c.surfaces &&
        count >= c.surfaces.min &&
        count <= c.surfaces.max &&
        (c.position ?? '') === (entry.position ?? '') &&
        (c.dentition ?? '') === (entry.dentition ?? ''),
    )
    .sort((a, b) => Math.abs(Number(a.code.slice(1)) - Number(entry.code.slice(1))) - Math.abs(Number(b.code.slice(1)) - Number(entry.code.slice(1))))[0]?.code;
}

export const surfaceCount: LineRule = {
  id: 'surface-count',
  scope: 'line',
  description: 'The number of distinct surfaces does not match the code (e.g. D2392 with MODB).',
  defaultSeverity: 'error',
  check({ line, entry, status }, ctx) {
    if (status === 'unknown' || status === 'none' || !entry?.surfaces) return [];
    const count = line.surfaces.letters.length;
    if (count === 0 || (count >= entry.surfaces.min && count <= entry.surfaces.max)) return [];
    const better = codeForCount(entry, count, ctx);
    return [
      {
        lineIds: [line.id],
        message: `${line.code} is a ${rangeWord(entry.surfaces)} code; ${line.surfaces.letters.join('')} is ${count} surface${count === 1 ? '' : 's'}.`,
        fix: better ? `For ${count} surface${count === 1 ? '' : 's'} use ${better}, or correct the surfaces.` : 'Correct the surfaces or the code.',
      },
    ];
  },
};
