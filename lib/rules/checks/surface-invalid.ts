import { surfacesWrongForPosition } from '../../claim/surfaces';
import type { LineRule } from '../types';

export const surfaceInvalid: LineRule = {
  id: 'surface-invalid',
  scope: 'line',
  description: 'Unknown or repeated surface letters, O or B on an anterior tooth, I or F on a posterior tooth.',
  defaultSeverity: 'error',
  check({ line }) {
    const { invalid, repeated, letters } = line.surfaces;
    const problems: string[] = [];
    if (invalid.length) problems.push(`${invalid.map((c) => `“${c}”`).join(', ')} ${invalid.length === 1 ? 'is not a surface' : 'are not surfaces'}`);
    if (repeated.length) problems.push(`${repeated.join(', ')} ${repeated.length === 1 ? 'is' : 'are'} repeated`);
    const tooth = line.teeth.teeth[0];
    if (tooth) {
      const wrong = surfacesWrongForPosition(letters, tooth.position);
      if (wrong.length) problems.push(`${wrong.join(' and ')} ${wrong.length === 1 ? 'is' : 'are'} not a surface of ${tooth.position === 'anterior' ? 'an anterior' : 'a posterior'} tooth (${tooth.universal})`);
    }
    if (!problems.length) return [];
    return [
      {
        lineIds: [line.id],
        message: `Surfaces “${line.surfaces.raw.trim()}”: ${problems.join('; ')}.`,
        fix: tooth?.position === 'anterior' ? 'Anterior teeth use M, D, F, L and I.' : tooth ? 'Posterior teeth use M, O, D, B and L.' : 'Use the letters M, O, D, B, F, L and I, each once.',
      },
    ];
  },
};
