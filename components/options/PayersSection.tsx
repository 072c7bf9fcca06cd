import { useMemo, useState } from 'preact/hooks';
import type { PayerProfile } from '../../lib/payers/schema';
import { type ManagedSettings, locksFor } from '../../lib/settings/managed';
import { diffProfile, layerFromProfiles, mergePayers } from '../../lib/settings/merge';
import type { Settings } from '../../lib/settings/schema';
import { exportPayer } from '../../lib/settings/transfer';
import type { ConfirmOptions } from './confirm';
import { downloadText } from './download';
import { PayerEditor } from './PayerEditor';

interface Props {
  profiles: PayerProfile[];
  bundled: readonly PayerProfile[];
  saved: Settings;
  managed: ManagedSettings;
  updateProfile(id: string, change: (p: PayerProfile) => PayerProfile): void;
  setProfiles(change: (all: PayerProfile[]) => PayerProfile[]): void;
  confirm(options: ConfirmOptions): Promise<boolean>;
}

export function newPayerId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'payer';
  const stem = /^[a-z0-9][a-z0-9-]{1,}$/.test(base) ? base : `payer-${base}`;
  let id = stem;
  for (let n = 2; taken.has(id) || id === 'constructor' || id === 'prototype'; n++) id = `${stem}-${n}`;
  return id;
}

/** The payer list and the selected payer's editor. */
export function PayersSection({ profiles, bundled, saved, managed, updateProfile, setProfiles, confirm }: Props) {
  const [selected, setSelected] = useState('default');
  const [newName, setNewName] = useState('');
  const shown = useMemo(() => mergePayers(profiles, undefined, managed), [profiles, managed]);
  const byBundled = useMemo(() => new Map(bundled.map((p) => [p.id, p])), [bundled]);
  const current = shown.find((p) => p.id === selected) ?? shown[0];
  const locks = locksFor(current.id, managed);

  function addPayer(e: Event) {
    e.preventDefault();
    const name = newName.trim();
    if (name.length < 2) return;
    const id = newPayerId(name, new Set(shown.map((p) => p.id)));
    setProfiles((all) => [
      ...all,
      { id, name, kind: 'payer', enabled: true, hosts: [], source: '', confidence: 'user', rules: {}, codes: {} },
    ]);
    setSelected(id);
    setNewName('');
  }

  async function reset() {
    const base = byBundled.get(current.id);
    if (!base) return;
    const ok = await confirm({
      title: `Reset ${current.name} to the defaults?`,
      body: 'Your office’s changes to this payer (name, sites, checks and code policies) are undone. Save afterwards to keep the reset, or Discard changes to get them back.',
      confirmLabel: 'Reset payer',
      danger: true,
    });
    if (ok) updateProfile(current.id, () => structuredClone(base));
  }

  async function remove() {
    const ok = await confirm({
      title: `Remove ${current.name}?`,
      body: 'The payer and all its settings are removed. Save afterwards to make it final, or Discard changes to get it back.',
      confirmLabel: 'Remove payer',
      danger: true,
    });
    if (!ok) return;
    setProfiles((all) => all.filter((p) => p.id !== current.id));
    setSelected('default');
  }

  function exportOne() {
    const working = { ...saved, ...layerFromProfiles(bundled, profiles) };
    const file = exportPayer(working, current.id);
    downloadText(file.filename, file.text);
  }

  return (
    <section id="payers" aria-labelledby="payers-title" class="payers-section">
      <h2 id="payers-title">Payers</h2>
      <p class="hint">
        CDT Lens picks the payer from the portal’s address; pages that match no payer use Default. Choose a payer to
        change its checks and code policies.
      </p>
      <div class="payers-layout">
        <nav aria-label="Payers" class="payer-nav">
          <ul class="payer-list">
            {shown.map((p) => {
              const base = byBundled.get(p.id);
              const groupAdded = managed.addedPayers.some((m) => m.id === p.id);
              const tags = [
                !p.enabled && 'off',
                (groupAdded || Object.hasOwn(managed.payers, p.id)) && 'group',
                !base && !groupAdded && 'yours',
                base && diffProfile(base, profiles.find((x) => x.id === p.id) ?? base) && 'changed',
              ].filter(Boolean);
              return (
                <li key={p.id} data-payer={p.id}>
                  <button type="button" aria-current={p.id === current.id ? 'true' : undefined} onClick={() => setSelected(p.id)}>
                    <span class="name">{p.name}</span>
                    {tags.length > 0 && <span class="tags">{tags.join(' · ')}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <form class="add-payer" onSubmit={addPayer}>
            <label for="new-payer">Add a payer</label>
            <div class="row">
              <input id="new-payer" value={newName} maxLength={120} placeholder="Payer name" onInput={(e) => setNewName(e.currentTarget.value)} />
              <button type="submit" disabled={newName.trim().length < 2}>
                Add
              </button>
            </div>
          </form>
        </nav>
        <PayerEditor
          key={current.id}
          display={current}
          locks={locks}
          bundled={byBundled.get(current.id)}
          changed={!!byBundled.get(current.id) && !!diffProfile(byBundled.get(current.id)!, profiles.find((x) => x.id === current.id) ?? current)}
          onChange={(change) =>
            updateProfile(current.id, (p) => {
              change(p);
              return p;
            })
          }
          onReset={() => void reset()}
          onRemove={() => void remove()}
          onExport={exportOne}
          confirm={confirm}
        />
      </div>
    </section>
  );
}
