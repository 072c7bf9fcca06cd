import { useState } from 'preact/hooks';
import type { Finding } from '../../lib/rules/types';

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

export interface InlineCardProps {
  model: InlineCardModel;
  onOpenFull(code: string): void;
  onClose(): void;
}

const SEVERITY_LABEL = { error: 'Likely rejected', warning: 'Check', info: 'Note' } as const;

/** The card beside a focused procedure-code field: findings, payer notes, checklist, look-alikes. */
export function InlineCard({ model, onOpenFull, onClose }: InlineCardProps) {
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const titleId = `cdt-lens-card-title-${model.code}`;
  const toggle = (i: number) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  return (
    <section class="card" role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1}>
      <header class="head">
        <h2 id={titleId}>
          <span class="code">{model.code}</span>
          {model.name ? <span class="name">{model.name}</span> : null}
        </h2>
        <button type="button" class="close" aria-label="Close CDT Lens card" onClick={onClose}>
          ×
        </button>
      </header>

      {model.findings.length ? (
        <ul class="findings" aria-label="Findings for this line">
          {model.findings.map((f) => (
            <li key={`${f.ruleId}-${f.lineIds.join()}`} class={`finding ${f.severity}`} data-rule={f.ruleId}>
              <span class="sev">{SEVERITY_LABEL[f.severity]}</span>
              <span class="msg">{f.message}</span>
              {f.fix ? <span class="fix">{f.fix}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="clean">No problems found on this line.</p>
      )}

      {model.payerNote ? (
        <p class="payer-note">
          <strong>{model.payerName}:</strong> {model.payerNote}
        </p>
      ) : null}

      {model.checklist.length ? (
        <fieldset class="checklist">
          <legend>Documentation checklist</legend>
          {model.checklist.map((item, i) => (
            <label key={item} data-checklist-item>
              <input type="checkbox" checked={ticked.has(i)} onChange={() => toggle(i)} /> {item}
            </label>
          ))}
        </fieldset>
      ) : model.status === 'loading' ? (
        <p class="loading">Loading checklist…</p>
      ) : null}

      {model.confusedWith.length ? (
        <div class="confused">
          <h3>Commonly confused with</h3>
          <ul>
            {model.confusedWith.slice(0, 3).map((c) => (
              <li key={c.code}>
                <strong>{c.code}</strong> {c.difference}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <footer>
        <button type="button" class="link" onClick={() => onOpenFull(model.code)}>
          Open full card for {model.code}
        </button>
      </footer>
    </section>
  );
}
