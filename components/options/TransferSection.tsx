import { useState } from 'preact/hooks';
import type { PayerProfile } from '../../lib/payers/schema';
import { layerFromProfiles } from '../../lib/settings/merge';
import type { Settings } from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/store';
import { type ImportCheck, MAX_IMPORT_BYTES, checkImport, exportAll } from '../../lib/settings/transfer';
import { downloadText } from './download';

interface Props {
  saved: Settings;
  profiles: PayerProfile[];
  bundled: readonly PayerProfile[];
  dirty: boolean;
  onImported(settings: Settings): void;
}

const KIND = { added: 'New payer', removed: 'Removed', changed: 'Changed' } as const;

/** Export all settings to a file; import a file after seeing what it changes. */
export function TransferSection({ saved, profiles, bundled, dirty, onImported }: Props) {
  const [check, setCheck] = useState<(ImportCheck & { file: string }) | null>(null);
  const [status, setStatus] = useState('');

  function exportSettings() {
    const file = exportAll({ ...saved, ...layerFromProfiles(bundled, profiles) });
    downloadText(file.filename, file.text);
    setStatus(`Exported to ${file.filename}${dirty ? ' (including changes not saved yet)' : ''}.`);
  }

  async function choose(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus('');
    const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
    setCheck({ ...checkImport(text, saved, { bundled, size: file.size }), file: file.name });
  }

  async function apply() {
    if (!check?.ok) return;
    const next = await saveSettings(check.next);
    onImported(next);
    setCheck(null);
    setStatus(`Imported ${check.file}.`);
  }

  return (
    <section id="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Import and export</h2>
      <p class="hint">
        Share settings between computers or with another office: export them to a file, then import that file there.
        A single payer can be exported from its page above.
      </p>
      <div class="row">
        <button type="button" onClick={exportSettings}>
          Export all settings
        </button>
        <div class="field">
          <label for="import-file">Import a settings file</label>
          <input id="import-file" type="file" accept=".json,application/json" disabled={dirty} aria-describedby="import-hint" onChange={(e) => void choose(e)} />
          <p id="import-hint" class="hint">
            {dirty ? 'Save or discard your changes first.' : 'You will see what changes before anything is applied.'}
          </p>
        </div>
      </div>
      {check && !check.ok && (
        <p class="error" role="alert" data-import-error>
          {check.file}: {check.error} Your settings were not changed.
        </p>
      )}
      {check?.ok && (
        <div class="import-preview" role="region" aria-labelledby="preview-title" data-import-preview>
          <h3 id="preview-title">What importing {check.file} changes</h3>
          {check.changes.length === 0 ? (
            <p>Nothing: the file matches your current settings.</p>
          ) : (
            <ul>
              {check.changes.map((c) => (
                <li key={c.id} data-change={c.kind}>
                  <strong>
                    {KIND[c.kind]}: {c.name}
                  </strong>
                  {c.details.length > 0 && (
                    <ul>
                      {c.details.slice(0, 30).map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                      {c.details.length > 30 && <li>…and {c.details.length - 30} more</li>}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
          {check.notes.map((n) => (
            <p key={n} class="hint">
              {n}
            </p>
          ))}
          <div class="actions">
            <button type="button" onClick={() => setCheck(null)}>
              Cancel
            </button>
            <button type="button" class="primary" onClick={() => void apply()}>
              Apply these changes
            </button>
          </div>
        </div>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
