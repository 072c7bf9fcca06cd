import type { LineRule } from '../types';

export const attachment: LineRule = {
  id: 'attachment',
  scope: 'line',
  description: 'The code usually needs attachments (radiographs, perio chart, narrative ...).',
  defaultSeverity: 'info',
  check({ line, status }, { payer, tables }) {
    if (status !== 'valid' || !line.code) return [];
    const own = payer.codes[line.code]?.attachments;
    const typical = tables.attachments.find((a) => a.codes.includes(line.code!))?.attachments;
    const list = own?.length ? own : typical;
    if (!list?.length) return [];
    return [
      {
        lineIds: [line.id],
        message: `${own?.length ? `${payer.name} wants` : 'Payers usually want'} for ${line.code}: ${list.join('; ')}.`,
        fix: 'Attach them to the claim (or note the attachment reference) before submitting.',
      },
    ];
  },
};
