import { procedureCodeOfValue, procedureCodesInText } from '../detect/procedure-code';

/** Form controls CDT Lens reads. Hidden, password and non-text inputs are never read. */
export type ReadableControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);

export function isReadableControl(el: Element | null | undefined): el is ReadableControl {
  if (el?.nodeType !== 1) return false;
  const tag = el.localName;
  if (tag === 'input') return TEXT_INPUT_TYPES.has((el as HTMLInputElement).type.toLowerCase());
  if (tag === 'textarea' || tag === 'select') return true;
  return (el as HTMLElement).isContentEditable === true && !(el.parentElement as HTMLElement | null)?.isContentEditable;
}

/** The text a control shows: its value, the selected option's value or label, or a contenteditable's text. */
export function controlText(el: ReadableControl): string {
  const tag = el.localName;
  if (tag === 'input' || tag === 'textarea') return (el as HTMLInputElement).value;
  if (tag === 'select') {
    const select = el as HTMLSelectElement;
    const option = select.selectedOptions?.[0] ?? select.options[select.selectedIndex];
    if (!option) return '';
    return procedureCodeOfValue(option.value) ? option.value : option.text;
  }
  return el.textContent ?? '';
}

/** The procedure code a control holds: single-value controls hold at most one; free text may mention several. */
export function controlCodes(el: ReadableControl): string[] {
  const text = controlText(el);
  if (el.localName === 'textarea' || el.isContentEditable) return procedureCodesInText(text);
  const code = procedureCodeOfValue(text);
  return code ? [code] : [];
}

/** Input types a claim line's other fields use: dates, quantities and fees are often typed inputs. */
const FIELD_INPUT_TYPES = new Set(['date', 'number', 'tel', 'datetime-local']);

/** A control a claim line field may live in: a readable control, or a date, number or tel input. */
export function isFieldControl(el: Element | null | undefined): el is ReadableControl {
  if (isReadableControl(el)) return true;
  return el?.localName === 'input' && FIELD_INPUT_TYPES.has((el as HTMLInputElement).type.toLowerCase());
}
