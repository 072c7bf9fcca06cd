import type { ManagedSettings } from '../../lib/settings/managed';
import type { RecoveredCopy } from '../../lib/settings/schema';
import { downloadText } from './download';
import { LOCK_EXPLANATION } from './Lock';

/** Tells the user their stored settings could not be read and were reset, and offers the copy kept. */
export function RecoveredBanner({ recovered, onDismiss }: { recovered: RecoveredCopy | null; onDismiss(): void }) {
  if (!recovered) return null;
  const when = new Date(recovered.at).toLocaleString();
  const raw = typeof recovered.raw === 'string' ? recovered.raw : JSON.stringify(recovered.raw, null, 2);
  return (
    <div class="banner warn" role="alert" data-recovered>
      <p>
        <strong>Your saved settings could not be read</strong> ({recovered.problem}), so CDT Lens went back to its
        default settings on {when}. A copy of what was stored has been kept.
      </p>
      <div class="actions">
        <button type="button" onClick={() => downloadText(`cdt-lens-unreadable-settings-${recovered.at.slice(0, 10)}.json`, raw ?? '')}>
          Download the unreadable copy
        </button>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

export function ManagedBanner({ managed }: { managed: ManagedSettings }) {
  const active = Object.keys(managed.payers).length > 0 || managed.addedPayers.length > 0 || !!managed.message;
  if (!active && !managed.problems.length) return null;
  return (
    <div class="banner info" data-managed>
      <p>
        <span aria-hidden="true">🔒 </span>
        {LOCK_EXPLANATION}
      </p>
      {managed.message && <p class="group-message">{managed.message}</p>}
      {managed.problems.length > 0 && (
        <details>
          <summary>Some of the group’s settings were ignored because they are not valid</summary>
          <ul>
            {managed.problems.slice(0, 10).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
