import type { LineRule } from '../types';

const POSITION_WORD: Record<string, string> = { anterior: 'anterior teeth', premolar: 'premolars', molar: 'molars', posterior: 'posterior teeth (premolars and molars)' };

export const toothMismatch: LineRule = {
  id: 'tooth-mismatch',
  scope: 'line',
  description: 'The tooth is not one the code allows (anterior, premolar, molar; primary or permanent).',
  defaultSeverity: 'error',
  check({ line, entry, status }) {
    if (status === 'unknown' || status === 'none' || !entry) return [];
    const { position, dentition } = entry;
    if (!position && !dentition) return [];
    const wrong = line.teeth.teeth.filter((t) => {
      if (dentition && t.dentition !== dentition) return true;
      if (!position) return false;
      if (position === 'posterior') return t.position === 'anterior';
      return t.position !== position;
    });
    if (!wrong.length) return [];
    const t = wrong[0];
    const allowed = [dentition, position ? POSITION_WORD[position] : 'teeth'].filter(Boolean).join(' ');
    const actual = `${t.dentition} ${t.position === 'anterior' ? 'anterior tooth' : t.position}`;
    return [
      {
        lineIds: [line.id],
        message: `${line.code} is for ${allowed}; tooth ${t.universal} is a ${actual}.`,
        fix: 'Check the tooth number, or choose the code meant for this kind of tooth.',
      },
    ];
  },
};
