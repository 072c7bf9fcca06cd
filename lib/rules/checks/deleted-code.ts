import type { LineRule } from '../types';

export const deletedCode: LineRule = {
  id: 'deleted-code',
  scope: 'line',
  description: 'The code was deleted from CDT before the line’s date of service.',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (status !== 'deleted' || !entry || !line.code) return [];
    const replacements = entry.replacedBy;
    return [
      {
        lineIds: [line.id],
        message: `${line.code} was deleted in CDT ${entry.deleted} and is not valid for a service on ${line.dateOfService}.`,
        fix: replacements.length
          ? `${line.code} was replaced: use ${replacements.length === 1 ? replacements[0] : `${replacements.slice(0, -1).join(', ')} or ${replacements.at(-1)}`}.`
          : 'Find the current code for this service in the lookup.',
      },
    ];
  },
};
