import type { LineRule } from '../types';

const PERIOD = {
  'calendar-year': 'per calendar year',
  'benefit-year': 'per benefit year',
  lifetime: 'per lifetime',
  'rolling-months': '',
} as const;

function describe(f: { count: number; period: keyof typeof PERIOD; months?: number; scope: string }): string {
  const period = f.period === 'rolling-months' ? `every ${f.months} months` : PERIOD[f.period];
  const scope = f.scope === 'tooth' ? ' per tooth' : f.scope === 'quadrant' ? ' per quadrant' : '';
  return `${f.count} ${period}${scope}`;
}

export const frequencyLimit: LineRule = {
  id: 'frequency-limit',
  scope: 'line',
  description: 'The payer limits how often this code is paid: shows the limit to check against the patient’s history.',
  defaultSeverity: 'info',
  check({ line, status }, { payer, tables }) {
    if (status !== 'valid' || !line.code) return [];
    const own = payer.codes[line.code]?.frequency;
    if (own)
      return [{ lineIds: [line.id], message: `${payer.name} pays ${line.code} ${describe(own)}.`, fix: 'Check the patient’s history before submitting.' }];
    const group = tables.frequencyGroups.find((g) => g.codes.includes(line.code!));
    if (!group) return [];
    const shared = group.codes.filter((c) => c !== line.code);
    return [
      {
        lineIds: [line.id],
        message: `Typical limit: ${describe(group)}${shared.length ? `, shared with ${shared.join(', ')}` : ''}. ${group.note}`,
        fix: 'Check the patient’s history and this plan’s limit before submitting.',
      },
    ];
  },
};
