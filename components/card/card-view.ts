import type { Finding } from '../../lib/rules/types';

export const CARD_TAG = 'cdt-lens-card';

/** What the inline card shows for the focused code-bearing control. */
export interface InlineCardModel {
  code: string;
  /** Plain-language name, once the full card has loaded. */
  name?: string;
  findings: Finding[];
  checklist: string[];
  confusedWith: { code: string; difference: string }[];
  payerName: string;
  payerNote?: string;
  /** 'loading' until the full card arrives; 'missing' for codes with no card (unknown codes). */
  status: 'loading' | 'ready' | 'missing';
}

export interface CardViewHandlers {
  onOpenFull(code: string): void;
  onClose(): void;
}

const SEVERITY_LABEL = { error: 'Likely rejected', warning: 'Check', info: 'Note' } as const;

type Child = Node | string | null | undefined | false;

/** A tiny element builder: the card is plain DOM so the content script ships no UI framework. */
function h(doc: Document, tag: string, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/**
 * Renders the card into a container (inside the card's shadow root). Ticks on the checklist live as long as
 * the card shows the same code on the same line; they are never stored.
 */
export function renderCardView(container: HTMLElement, model: InlineCardModel, ticked: Set<number>, handlers: CardViewHandlers): void {
  const doc = container.ownerDocument;
  const titleId = `cdt-lens-card-title-${model.code}`;
  const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close CDT Lens card' }, '×');
  close.addEventListener('click', handlers.onClose);

  const findings = model.findings.length
    ? h(
        doc,
        'ul',
        { class: 'findings', 'aria-label': 'Findings for this line' },
        ...model.findings.map((f) =>
          h(
            doc,
            'li',
            { class: `finding ${f.severity}`, 'data-rule': f.ruleId },
            h(doc, 'span', { class: 'sev' }, SEVERITY_LABEL[f.severity]),
            h(doc, 'span', { class: 'msg' }, f.message),
            f.fix && h(doc, 'span', { class: 'fix' }, f.fix),
          ),
        ),
      )
    : h(doc, 'p', { class: 'clean' }, 'No problems found on this line.');

  const payerNote = model.payerNote && h(doc, 'p', { class: 'payer-note' }, h(doc, 'strong', {}, `${model.payerName}: `), model.payerNote);

  let checklist: HTMLElement | null = null;
  if (model.checklist.length) {
    checklist = h(doc, 'fieldset', { class: 'checklist' }, h(doc, 'legend', {}, 'Documentation checklist'));
    model.checklist.forEach((item, i) => {
      const box = h(doc, 'input', { type: 'checkbox', checked: ticked.has(i) }) as HTMLInputElement;
      box.addEventListener('change', () => (box.checked ? ticked.add(i) : ticked.delete(i)));
      checklist!.append(h(doc, 'label', { 'data-checklist-item': true }, box, ` ${item}`));
    });
  } else if (model.status === 'loading') checklist = h(doc, 'p', { class: 'loading' }, 'Loading checklist…');

  const confused =
    model.confusedWith.length > 0 &&
    h(
      doc,
      'div',
      { class: 'confused' },
      h(doc, 'h3', {}, 'Commonly confused with'),
      h(doc, 'ul', {}, ...model.confusedWith.slice(0, 3).map((c) => h(doc, 'li', {}, h(doc, 'strong', {}, c.code), ` ${c.difference}`))),
    );

  const openFull = h(doc, 'button', { type: 'button', class: 'link' }, `Open full card for ${model.code}`);
  openFull.addEventListener('click', () => handlers.onOpenFull(model.code));

  const card = h(
    doc,
    'section',
    { class: 'card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, tabindex: '-1' },
    h(doc, 'header', { class: 'head' }, h(doc, 'h2', { id: titleId }, h(doc, 'span', { class: 'code' }, model.code), model.name && h(doc, 'span', { class: 'name' }, model.name)), close),
    findings,
    payerNote,
    checklist,
    confused,
    h(doc, 'footer', {}, openFull),
  );
  container.replaceChildren(card);
}
