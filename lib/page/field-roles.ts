/**
 * What a form control on a claim page is for: the procedure code of a line, its tooth, surfaces, area, date,
 * quantity or fee, the patient's birth date, or something else. Decided by the first label signal (see
 * labels.ts) whose words name a role; cached per element until the caller forgets it.
 */
import type { z } from 'zod';
import { procedureCodeOfValue } from '../detect/procedure-code';
import type { SiteSelectors as SiteSelectorsSchema } from '../payers/schema';
import { isFieldControl } from './controls';
import { matchesPiercing } from './dom';
import { IDENTIFIER_SOURCES, type LabelSource, labelSignals } from './labels';

export type FieldRole = 'code' | 'tooth' | 'toothSystem' | 'surface' | 'area' | 'date' | 'quantity' | 'fee' | 'birthDate' | 'other';
export type SiteSelectors = z.infer<typeof SiteSelectorsSchema>;

/** Roles a payer profile can point at with a CSS selector. */
export const SELECTOR_ROLES = ['code', 'tooth', 'toothSystem', 'surface', 'area', 'date'] as const;
type SelectorRole = (typeof SELECTOR_ROLES)[number];

export interface RoleInfo {
  role: FieldRole;
  /** The text that decided, as the page wrote it ('' when nothing did). */
  label: string;
  source: LabelSource | 'options' | 'none';
}

// ---- words ---------------------------------------------------------------------------------------------------

const MAX_TEXT = 300;

function splitCamel(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

/** Lower-case words of a label, single-spaced; "#" reads as "number" ("Tooth #"). */
export function labelWords(text: string): string {
  return splitCamel(text.slice(0, MAX_TEXT).replace(/#/g, ' number '))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Control-type prefixes in identifiers: txtProcCd, ddlArea, cboTooth. */
const TYPE_PREFIX = /^(txtbx|txt|tbx|tb|ddl|drp|dd|cbo|cmb|cb|sel|lst|lb|inp|fld|num)(?=[A-Z0-9])/;
const isIndex = (segment: string) => /^(\d+|ctl\d+)$/i.test(segment);

function identifierSegmentWords(segment: string): string {
  return splitCamel(segment.replace(TYPE_PREFIX, ''))
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
}

/** Words of an identifier: "ctl00$Main$gvLines$ctl02$txtProcCd" reads "main gv lines proc cd". */
export function identifierWords(identifier: string): string {
  const segments = identifier.slice(0, MAX_TEXT).split(/[^A-Za-z0-9]+/);
  return labelWords(
    segments
      .filter((s) => s && !isIndex(s))
      .map(identifierSegmentWords)
      .join(' '),
  );
}

/**
 * The field part of an indexed identifier: what follows the last index ("svc[0][tooth]" gives "tooth",
 * "serviceLines[2].toothNumber" gives "toothNumber"), or what precedes a trailing one ("code_3" gives "code").
 * Null when the identifier has no index.
 */
export function identifierField(identifier: string): string | null {
  const segments = identifier.slice(0, MAX_TEXT).split(/[^A-Za-z0-9]+/).filter(Boolean);
  let last = -1;
  segments.forEach((s, i) => {
    if (isIndex(s)) last = i;
  });
  if (last < 0) return null;
  const after = segments.slice(last + 1);
  if (after.length) return after.join(' ');
  const before = segments.slice(0, last).filter((s) => !isIndex(s));
  return before.length ? before[before.length - 1] : null;
}

// ---- rules ---------------------------------------------------------------------------------------------------

const SUBSCRIBER = /\b(subscriber|insured|policy ?holder|employee|guarantor|responsible)\b/;
const BIRTH = /\b(dob|d o b|birth ?dates?|date of birth|birthday|birth|born|bdate)\b/;

/** Tried in order on a label's words; the first that matches decides. */
const RULES: [FieldRole, RegExp][] = [
  // Identifiers, people, places, references and free text: never a line field, whatever else they say.
  [
    'other',
    /\b(member|subscriber|insured|policy ?holder|policy|group (number|no|num|id)|npi|tin|ssn|social security|tax|phone|telephone|tel|mobile|cell|fax|e ?mail|license|claim (number|no|num|nbr|id|ref|reference|control)|icn|dcn|reference|ref|control (number|no)|authori[sz]ation|auth|pre ?auth|predetermination|pre ?d|diag|diagnosis|diagnoses|dx|icd|pointer|description|desc|remarks?|notes?|comments?|narrative|memo|name|names|fname|lname|first|last|middle|address|addr|street|city|zip|postal|relationship|gender|sex|signature|signed|received|submitted|today|effective|termination|eligibility|expir\w*|accident|injury|placement|appliance|orthodontics?|ortho|prosthesis|months|place of service|reason|status|modifier|payer|carrier|employer|provider|dentist|billing|rendering|treating|specialty|taxonomy|account|acct|password|search|filter|lookup|find|username|login|captcha|coupon|promo)\b/,
  ],
  ['fee', /\b(fee|fees|charges?|amount|amt|price|cost|billed|ucr|allowed|paid|payment|copay|coinsurance|deductible|balance|total|dollars?|usd)\b/],
  ['toothSystem', /\b(tooth ?(numbering )?sys(tem)?|numbering ?system|tooth ?numbering|designation ?system|notation|system|sys|jp jo)\b/],
  ['surface', /\b(surfaces?|surfs?|srf|sfc|surf ?codes?)\b/],
  ['area', /\b(area|areas|oral cavity|cavity|quad|quads|quadrants?|arch|arches|region|sextant)\b/],
  ['quantity', /\b(qty|qnty|quantity|units?|count|cnt|times)\b/],
  [
    'date',
    /\b(dates?|dos|dt|dte|served|performed|completed|mm dd (yy|yyyy|ccyy)|mm dd|mmddyyyy|mmddccyy|mmddyy|yyyy mm dd|dd mm yyyy)\b/,
  ],
  ['tooth', /\b(tooth|teeth|toothnum|toothno|th|tth|tn)\b/],
  ['code', /\b(cdt|cpt|hcpcs|proc|procs|procedure|procedures|procedurecode|proccode|proccd|code|codes|cd|cde|d\d{4})\b/],
  ['code', /^(service|services|svc|treatment|tx)$/],
  ['other', /\b(id|identifier|number|nbr|num|no)\b/],
];

/** Boxes of the ADA claim form, for labels that give only the item number ("29."). */
const ADA_ITEMS: Record<string, FieldRole> = {
  '24': 'date',
  '25': 'area',
  '26': 'toothSystem',
  '27': 'tooth',
  '28': 'surface',
  '29': 'code',
  '29a': 'other',
  '29b': 'quantity',
  '31': 'fee',
};

/** The role a label's words name, or null when they name none. */
export function roleOfWords(words: string): FieldRole | null {
  if (!words) return null;
  if (BIRTH.test(words)) return SUBSCRIBER.test(words) ? 'other' : 'birthDate';
  for (const [role, pattern] of RULES) if (pattern.test(words)) return role;
  const item = /^(?:item )?(\d{1,2}[ab]?)$/.exec(words);
  return item ? (ADA_ITEMS[item[1]] ?? null) : null;
}

/** The role an identifier names: its field part first ("toothList[0].procCode" is a code), then all of it. */
function roleOfIdentifier(identifier: string): FieldRole | null {
  const field = identifierField(identifier);
  return (field && roleOfWords(identifierWords(field))) || roleOfWords(identifierWords(identifier));
}

/** A select whose options are procedure codes ("D0120 - Periodic evaluation") is a code picker, however labelled. */
function isCodePicker(control: Element): boolean {
  if (control.localName !== 'select') return false;
  const options = (control as HTMLSelectElement).options;
  let codes = 0;
  for (let i = 0; i < options.length && i < 60; i++) {
    const o = options[i];
    if (procedureCodeOfValue(o.value) || procedureCodeOfValue(o.text)) codes++;
    if (codes >= 2) return true;
  }
  return false;
}

function classify(control: Element): RoleInfo {
  if (!isFieldControl(control)) return { role: 'other', label: '', source: 'none' };
  const picker = isCodePicker(control);
  let firstText = '';
  for (const { source, text } of labelSignals(control)) {
    if (!text) continue;
    const identifier = IDENTIFIER_SOURCES.has(source);
    if (!identifier && !firstText) firstText = text;
    if (picker) {
      if (firstText) break;
      continue;
    }
    const role = identifier ? roleOfIdentifier(text) : roleOfWords(labelWords(text));
    if (role) return { role, label: text, source };
  }
  return picker ? { role: 'code', label: firstText, source: 'options' } : { role: 'other', label: '', source: 'none' };
}

// ---- cache and public API ------------------------------------------------------------------------------------

/** Each control's role once classified: the role alone (the label text that decided it is not kept). */
let cache = new WeakMap<Element, FieldRole>();

/** The heuristic role of a control with the text that decided it, classified afresh (for tests and debugging). */
export function fieldRoleInfo(control: Element): RoleInfo {
  try {
    return classify(control);
  } catch {
    return { role: 'other', label: '', source: 'none' };
  }
}

function cachedRole(control: Element): FieldRole {
  let role = cache.get(control);
  if (role === undefined) cache.set(control, (role = fieldRoleInfo(control).role));
  return role;
}

/** Drops cached roles: of one control (its labels changed), or of every control. */
export function forgetFieldRoles(control?: Element): void {
  if (control) cache.delete(control);
  else cache = new WeakMap();
}

function selectorRole(control: Element, selectors: SiteSelectors): SelectorRole | null {
  for (const role of SELECTOR_ROLES) {
    const selector = selectors[role];
    if (selector && matchesPiercing(control, selector)) return role;
  }
  return null;
}

/**
 * The role of a control. A payer profile's selectors win: a control they name has that role, and a role they
 * name is nowhere else (the profile knows where the codes are; a look-alike search box is not one).
 */
export function fieldRole(control: Element, selectors?: SiteSelectors): FieldRole {
  try {
    if (selectors) {
      const forced = selectorRole(control, selectors);
      if (forced) return forced;
    }
    const role = cachedRole(control);
    if (selectors && (SELECTOR_ROLES as readonly string[]).includes(role) && selectors[role as SelectorRole]) return 'other';
    return role;
  } catch {
    return 'other';
  }
}

/** The label text that decided a control's role, for debugging and tests ('' when none did). */
export function fieldLabelText(control: Element): string {
  return fieldRoleInfo(control).label;
}
