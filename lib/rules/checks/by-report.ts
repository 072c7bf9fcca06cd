import type { LineRule } from '../types';

export const byReport: LineRule = {
  id: 'by-report',
  scope: 'line',
  description: 'The code is “by report”: the claim needs a narrative describing the service.',
  defaultSeverity: 'warning',
  check({ line, entry, status }) {
    if (status !== 'valid' || !entry?.byReport) return [];
    return [
      {
        lineIds: [line.id],
        message: `${line.code} is a by-report code: payers will not process it without a narrative.`,
        fix: 'Describe the service, why it was needed and the time or materials involved in the remarks (item 35) or an attached report.',
      },
    ];
  },
};
