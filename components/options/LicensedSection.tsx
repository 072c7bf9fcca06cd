import { useState } from 'preact/hooks';
import { LicensedImportError, importLicensedFile, removeLicensedFile } from '../../lib/licensed';
import type { LicensedData } from '../../lib/licensed/store';
import type { ConfirmOptions } from './confirm';
import { fileBytes } from './download';

interface Props {
  licensed: LicensedData | null;
  confirm(options: ConfirmOptions): Promise<boolean>;
}

/** A licensed practice's own CDT descriptors: imported from its data file, kept in this browser only. */
export function LicensedSection({ licensed, confirm }: Props) {
  const [holdsLicence, setHoldsLicence] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  async function choose(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const { count, skipped } = await importLicensedFile(file.name, await fileBytes(file));
      setMessage({ text: `Imported ${count} codes from ${file.name}${skipped ? ` (${skipped} rows without a code were skipped)` : ''}.` });
    } catch (err) {
      setMessage({ text: `${file.name} was not imported: ${err instanceof LicensedImportError ? err.message : String(err)}.`, error: true });
    }
  }

  async function remove() {
    const ok = await confirm({
      title: 'Remove the licensed CDT text?',
      body: 'The descriptors you imported are deleted from this browser. CDT Lens shows its own summaries again.',
      confirmLabel: 'Remove',
      danger: true,
    });
    if (!ok) return;
    await removeLicensedFile();
    setMessage({ text: 'The licensed CDT text was removed.' });
  }

  return (
    <section id="licensed" aria-labelledby="licensed-title">
      <h2 id="licensed-title">Licensed CDT text</h2>
      <p class="hint">
        If your practice holds the ADA’s CDT licence, import its CDT data file (CSV or Excel .xlsx with a code column and
        a descriptor or nomenclature column) to see the official descriptors beside CDT Lens’s own summaries. The text
        stays in this browser only: it is never sent anywhere and never shared by exporting settings.
      </p>
      {licensed ? (
        <div class="licensed-status" data-licensed>
          <p>
            {Object.keys(licensed.entries).length} codes from <strong>{licensed.source}</strong>, imported{' '}
            {new Date(licensed.importedAt).toLocaleDateString()}.
          </p>
          <button type="button" class="danger" onClick={() => void remove()}>
            Remove licensed text
          </button>
        </div>
      ) : (
        <p>No licensed text imported.</p>
      )}
      <div class="field check">
        <input id="holds-licence" type="checkbox" checked={holdsLicence} onChange={(e) => setHoldsLicence(e.currentTarget.checked)} />
        <label for="holds-licence">Our practice holds a current CDT licence from the ADA</label>
      </div>
      <div class="field">
        <label for="licensed-file">{licensed ? 'Replace with a new CDT data file' : 'CDT data file'}</label>
        <input
          id="licensed-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={!holdsLicence}
          onChange={(e) => void choose(e)}
        />
      </div>
      <p class={message?.error ? 'error' : 'status'} role="status">
        {message?.text}
      </p>
    </section>
  );
}
