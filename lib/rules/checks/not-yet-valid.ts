import type { LineRule } from '../types';

export const notYetValid: LineRule = {
  id: 'not-yet-valid',
  scope: 'line',
  description: 'The code was added to CDT after the line’s date of service.',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (status !== 'not-yet-valid' || !entry || !line.code) return [];
    return [
      {
        lineIds: [line.id],
        message: `${line.code} takes effect with CDT ${entry.added} (1 January ${entry.added}); this line's date of service is ${line.dateOfService}.`,
        fix: 'Check the date of service, or use the code that was valid on that date.',
      },
    ];
  },
};
