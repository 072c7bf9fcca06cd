import type { LineRule } from '../types';

export const priorAuth: LineRule = {
  id: 'prior-auth',
  scope: 'line',
  description: 'The payer (or typical practice) wants prior authorisation for this code.',
  defaultSeverity: 'info',
  check({ line, status }, { payer, tables }) {
    if (status !== 'valid' || !line.code) return [];
    const own = payer.codes[line.code]?.priorAuth;
    if (own === false) return [];
    if (own === true)
      return [{ lineIds: [line.id], message: `${payer.name} requires prior authorisation for ${line.code}.`, fix: 'Attach or reference the authorisation number before submitting.' }];
    const typical = tables.priorAuth.find((p) => p.codes.includes(line.code!));
    return typical
      ? [{ lineIds: [line.id], message: `Prior authorisation is often needed: ${typical.reason}`, fix: 'Check whether this plan requires it and reference the authorisation number.' }]
      : [];
  },
};
