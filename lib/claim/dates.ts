/** Today's date as an ISO date (yyyy-mm-dd) in the user's time zone: the default date of service. */
export function todayIso(now = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/**
 * A date as portals and the ADA form write it, to ISO yyyy-mm-dd: MM/DD/CCYY (item 24), M/D/YY, MM-DD-YYYY,
 * MMDDCCYY, and ISO itself. Null when it is not a real calendar date.
 */
export function parseDate(raw: string): string | null {
  const t = raw.trim().slice(0, 40);
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t))) {
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += y > 69 ? 1900 : 2000;
  } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole years between a birth date and a date of service (both ISO). */
export function ageOn(birthDate: string, dateOfService: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = dateOfService.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
