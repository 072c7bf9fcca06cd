import { ageOn } from '../../claim/dates';
import type { LineRule } from '../types';

export const ageLimit: LineRule = {
  id: 'age-limit',
  scope: 'line',
  description: 'A patient birth date on the page and the line’s date put the patient outside the code’s typical ages.',
  defaultSeverity: 'warning',
  check({ line, status }, { payer, tables, claim }) {
    if (status !== 'valid' || !line.code || !claim.patientBirthDate) return [];
    const age = ageOn(claim.patientBirthDate, line.dateOfService);
    if (age < 0) return [];
    const own = payer.codes[line.code];
    const typical = tables.ageLimits.find((a) => a.codes.includes(line.code!));
    const minAge = own?.minAge ?? typical?.minAge;
    const maxAge = own?.maxAge ?? typical?.maxAge;
    const source = own?.minAge !== undefined || own?.maxAge !== undefined ? payer.name : 'typically';
    if (maxAge !== undefined && age > maxAge)
      return [{ lineIds: [line.id], message: `The patient is ${age} on ${line.dateOfService}; ${line.code} is ${source === 'typically' ? 'typically' : `by ${source}`} covered up to age ${maxAge}.`, fix: typical?.note ?? 'Check the plan’s age limit.' }];
    if (minAge !== undefined && age < minAge)
      return [{ lineIds: [line.id], message: `The patient is ${age} on ${line.dateOfService}; ${line.code} is ${source === 'typically' ? 'typically' : `by ${source}`} for patients ${minAge} and older.`, fix: typical?.note ?? 'Check the plan’s age limit.' }];
    return [];
  },
};
