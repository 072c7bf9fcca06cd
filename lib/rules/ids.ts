/** Rule ids are a public contract: settings files, tests and users refer to them. Never rename one. */
export const RULE_IDS = [
  'unknown-code',
  'deleted-code',
  'not-yet-valid',
  'by-report',
  'tooth-required',
  'tooth-invalid',
  'tooth-mismatch',
  'surface-required',
  'surface-invalid',
  'surface-count',
  'area-required',
  'area-mismatch',
  'same-day-conflict',
  'duplicate-line',
  'frequency-limit',
  'prior-auth',
  'attachment',
  'age-limit',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a badge shows: the worst finding on the line, or ok. */
export type BadgeSeverity = 'ok' | 'info' | 'warning' | 'error';
