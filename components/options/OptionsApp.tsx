import { useEffect, useState } from 'preact/hooks';
import { LicenceNote } from '../LicenceNote';
import { ManagedBanner, RecoveredBanner } from './Banners';
import { useConfirm } from './confirm';
import { LicensedSection } from './LicensedSection';
import { PayersSection } from './PayersSection';
import { SitesSection } from './SitesSection';
import { useOptionsState } from './state';
import { TransferSection } from './TransferSection';
import './options.css';

/** The options page: payers, sites, import and export, licensed CDT text. Payer edits are saved explicitly. */
export function OptionsApp() {
  const { state, dirty, bundled, setProfiles, updateProfile, save, discard, replaceSaved, forgetRecovered } = useOptionsState();
  const { dialog, confirm } = useConfirm();
  const [saveMessage, setSaveMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    if (!dirty) return;
    setSaveMessage(null);
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function onSave() {
    const error = await save();
    setSaveMessage(error ? { text: error, error: true } : { text: 'Saved. Open portal pages use the new settings now.' });
  }

  async function onDiscard() {
    const ok = await confirm({
      title: 'Discard your changes?',
      body: 'Everything changed since the last save is undone.',
      confirmLabel: 'Discard changes',
      danger: true,
    });
    if (ok) discard();
  }

  return (
    <div class="options" aria-busy={!state.loaded}>
      <header class="page-head">
        <h1>CDT Lens settings</h1>
        <nav aria-label="Sections">
          <a href="#payers">Payers</a>
          <a href="#sites">Sites</a>
          <a href="#transfer">Import and export</a>
          <a href="#licensed">Licensed CDT text</a>
        </nav>
      </header>
      <main>
        <RecoveredBanner recovered={state.recovered} onDismiss={() => void forgetRecovered()} />
        <ManagedBanner managed={state.managed} />
        {!state.loaded && <p role="status">Loading your settings…</p>}
        {state.loaded && (
          <>
        <PayersSection
          profiles={state.profiles}
          bundled={bundled}
          saved={state.saved}
          managed={state.managed}
          updateProfile={updateProfile}
          setProfiles={setProfiles}
          confirm={confirm}
        />
        <SitesSection confirm={confirm} />
        <TransferSection saved={state.saved} profiles={state.profiles} bundled={bundled} dirty={dirty} onImported={replaceSaved} />
        <LicensedSection licensed={state.licensed} confirm={confirm} />
          </>
        )}
        <LicenceNote />
      </main>
      <div class={`save-bar${dirty ? ' dirty' : ''}`} role="region" aria-label="Save changes">
        <p role="status" class={saveMessage?.error ? 'error' : undefined}>
          {dirty ? 'You have changes that are not saved yet.' : (saveMessage?.text ?? 'All changes are saved.')}
        </p>
        {dirty && saveMessage?.error && (
          <p class="error" role="alert">
            {saveMessage.text}
          </p>
        )}
        <div class="actions">
          <button type="button" disabled={!dirty} onClick={() => void onDiscard()}>
            Discard changes
          </button>
          <button type="button" class="primary" disabled={!dirty} onClick={() => void onSave()} data-save>
            Save
          </button>
        </div>
      </div>
      {dialog}
    </div>
  );
}
