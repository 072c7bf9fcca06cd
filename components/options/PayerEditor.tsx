import type { PayerProfile } from '../../lib/payers/schema';
import type { PayerLocks } from '../../lib/settings/managed';
import { CodePolicies } from './CodePolicies';
import type { ConfirmOptions } from './confirm';
import { PayerBasics } from './PayerBasics';
import { RulesTable } from './RulesTable';

interface Props {
  /** The payer with the group's managed values on top: what the controls show. */
  display: PayerProfile;
  locks: PayerLocks;
  /** The bundled default this payer started from, if it is one. */
  bundled?: PayerProfile;
  changed: boolean;
  onChange(change: (p: PayerProfile) => void): void;
  onReset(): void;
  onRemove(): void;
  onExport(): void;
  confirm(options: ConfirmOptions): Promise<boolean>;
}

const KIND: Record<PayerProfile['kind'], string> = {
  payer: 'Payer',
  clearinghouse: 'Clearinghouse',
  default: 'Used where no payer matches',
};

export function PayerEditor({ display, locks, bundled, changed, onChange, onReset, onRemove, onExport, confirm }: Props) {
  return (
    <section class="editor" aria-labelledby="editor-title" data-payer-editor={display.id}>
      <header class="editor-head">
        <h3 id="editor-title">{display.name}</h3>
        <p class="hint">
          {KIND[display.kind]}
          {bundled ? ' · bundled with CDT Lens' : locks.all ? ' · added by your group' : ' · added by your office'}
          {display.source && bundled ? ` · source: ${display.source}` : ''}
        </p>
        <div class="actions">
          <button type="button" onClick={onExport}>
            Export this payer
          </button>
          {bundled && (
            <button type="button" disabled={!changed} onClick={onReset}>
              Reset to defaults
            </button>
          )}
          {!bundled && !locks.all && (
            <button type="button" class="danger" onClick={onRemove}>
              Remove this payer
            </button>
          )}
        </div>
      </header>
      <PayerBasics display={display} locks={locks} onChange={onChange} profile={display} />
      <RulesTable display={display} locks={locks} onChange={onChange} />
      <CodePolicies display={display} locks={locks} onChange={onChange} confirm={confirm} />
    </section>
  );
}
