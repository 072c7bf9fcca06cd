import type { LineRule } from '../types';

export const toothInvalid: LineRule = {
  id: 'tooth-invalid',
  scope: 'line',
  description: 'The tooth is not a valid designation in the line’s tooth system.',
  defaultSeverity: 'error',
  check({ line }) {
    if (!line.teeth.invalid.length) return [];
    const universal = line.toothSystem === 'JP';
    const bad = line.teeth.invalid.slice(0, 3).map((t) => `“${t}”`);
    return [
      {
        lineIds: [line.id],
        message: `${bad.join(', ')} ${bad.length === 1 ? 'is not a valid tooth' : 'are not valid teeth'} in ${universal ? 'Universal numbering' : 'ISO/FDI numbering'}.`,
        fix: universal
          ? 'Use 1-32 for permanent teeth, A-T for primary teeth, 51-82 or AS-TS for supernumerary teeth.'
          : 'Use FDI 11-48 for permanent and 51-85 for primary teeth, or switch the tooth system to JP.',
      },
    ];
  },
};
