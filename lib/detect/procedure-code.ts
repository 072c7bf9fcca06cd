/**
 * Finding CDT procedure codes in text a user typed: "D" + four digits as a whole token, any case.
 *
 * A token is a run of letters and digits, where "-", "_", ".", "/" and ":" join it to a neighbouring letter or digit
 * ("ABC-D0150-99", "D0120.5", "M12/D0150" are single tokens, so a code inside a member id or claim number is not
 * reported). Spaces and other punctuation separate tokens, so "D0120 - Periodic oral evaluation" holds D0120.
 * One left-to-right pass: linear in the length of the text, whatever it holds.
 */

export interface CodeMatch {
  /** Normalised code, e.g. "D0120". */
  code: string;
  /** Offset of the token in the text. */
  index: number;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isJoiner = (c: number) => c === 45 || c === 95 || c === 46 || c === 47 || c === 58; // - _ . / :

/** Upper bound on the text scanned; longer values are cut (nobody types a 200 kB claim line). */
export const MAX_SCANNED_LENGTH = 100_000;

export function findProcedureCodes(text: string, limit = 64): CodeMatch[] {
  const out: CodeMatch[] = [];
  const n = Math.min(text.length, MAX_SCANNED_LENGTH);
  let i = 0;
  while (i < n && out.length < limit) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A token starts at i; find where it ends.
    const start = i;
    let end = i;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (isAlnum(c)) end++;
      else if (isJoiner(c) && end + 1 < n && isAlnum(text.charCodeAt(end + 1)) && end > start) end++;
      else break;
    }
    if (end - start === 5 && isCodeAt(text, start)) out.push({ code: `D${text.slice(start + 1, end)}`, index: start });
    i = end === start ? start + 1 : end;
  }
  return out;
}

function isCodeAt(text: string, at: number): boolean {
  const d = text.charCodeAt(at);
  if (d !== 68 && d !== 100) return false; // D or d
  for (let k = 1; k <= 4; k++) if (!isDigit(text.charCodeAt(at + k))) return false;
  return true;
}

/**
 * The code a single-value control holds: the value is the code alone, or the code first and a description
 * after a separator ("D0120 - Periodic evaluation", "d0120: exam"). Anything else is not a procedure-code value.
 */
export function procedureCodeOfValue(value: string): string | null {
  const trimmed = value.length > 400 ? value.slice(0, 400).trimStart() : value.trim();
  if (trimmed.length < 5) return null;
  const [first] = findProcedureCodes(trimmed, 1);
  if (first?.index !== 0) return null;
  if (trimmed.length === 5) return first.code;
  const rest = trimmed.slice(5);
  return /^\s*([-:–—|,;(]|\s)/.test(rest) ? first.code : null;
}

/** Every code in free text (remarks, contenteditable), in order, without repeats. */
export function procedureCodesInText(text: string): string[] {
  return [...new Set(findProcedureCodes(text).map((m) => m.code))];
}
