import { ageLimit } from './checks/age-limit';
import { areaMismatch } from './checks/area-mismatch';
import { areaRequired } from './checks/area-required';
import { attachment } from './checks/attachment';
import { byReport } from './checks/by-report';
import { deletedCode } from './checks/deleted-code';
import { duplicateLine } from './checks/duplicate-line';
import { frequencyLimit } from './checks/frequency-limit';
import { notYetValid } from './checks/not-yet-valid';
import { priorAuth } from './checks/prior-auth';
import { sameDayConflict } from './checks/same-day-conflict';
import { surfaceCount } from './checks/surface-count';
import { surfaceInvalid } from './checks/surface-invalid';
import { surfaceRequired } from './checks/surface-required';
import { toothInvalid } from './checks/tooth-invalid';
import { toothMismatch } from './checks/tooth-mismatch';
import { toothRequired } from './checks/tooth-required';
import { unknownCode } from './checks/unknown-code';
import type { RuleId } from './ids';
import type { Rule } from './types';

/** Every rule, in the order of the public rule-id table. */
export const RULES: readonly Rule[] = [
  unknownCode,
  deletedCode,
  notYetValid,
  byReport,
  toothRequired,
  toothInvalid,
  toothMismatch,
  surfaceRequired,
  surfaceInvalid,
  surfaceCount,
  areaRequired,
  areaMismatch,
  sameDayConflict,
  duplicateLine,
  frequencyLimit,
  priorAuth,
  attachment,
  ageLimit,
];

export function ruleById(id: RuleId): Rule {
  return RULES.find((r) => r.id === id)!;
}
