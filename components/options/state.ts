import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type LicensedData, getLicensedDescriptors, watchLicensedDescriptors } from '../../lib/licensed/store';
import type { PayerProfile } from '../../lib/payers/schema';
import { bundledPayers } from '../../lib/settings/bundled';
import { type ManagedSettings, loadManaged } from '../../lib/settings/managed';
import { layerFromProfiles, mergePayers, userLayer } from '../../lib/settings/merge';
import { watchManaged, watchSettings } from '../../lib/settings/read';
import { type RecoveredCopy, Settings, emptySettings } from '../../lib/settings/schema';
import { dismissRecovered, getRecovered, loadSettings, updateSettings } from '../../lib/settings/store';
import { describeZodError } from '../../lib/settings/zod-error';

/**
 * The options page's state: the saved settings, a working copy of every payer profile (user level, without the
 * group's managed values, which are shown on top and locked), and whether the copy differs from what is saved.
 */
export interface OptionsState {
  loaded: boolean;
  saved: Settings;
  profiles: PayerProfile[];
  managed: ManagedSettings;
  recovered: RecoveredCopy | null;
  licensed: LicensedData | null;
}

const BUNDLED = bundledPayers();
const NO_MANAGED: ManagedSettings = { payers: {}, addedPayers: [], problems: [] };

export const profilesOf = (settings: Settings) => mergePayers(BUNDLED, userLayer(settings));
const layerKey = (settings: Pick<Settings, 'payers' | 'addedPayers'>) =>
  JSON.stringify(layerFromProfiles(BUNDLED, profilesOf({ ...emptySettings(), ...settings })));

export function useOptionsState() {
  const [state, setState] = useState<OptionsState>({
    loaded: false,
    saved: emptySettings(),
    profiles: profilesOf(emptySettings()),
    managed: NO_MANAGED,
    recovered: null,
    licensed: null,
  });

  const savedKey = useMemo(() => layerKey(state.saved), [state.saved]);
  const workingKey = useMemo(() => JSON.stringify(layerFromProfiles(BUNDLED, state.profiles)), [state.profiles]);
  const dirty = state.loaded && savedKey !== workingKey;

  useEffect(() => {
    let live = true;
    void (async () => {
      // Load first: reading may recover corrupt settings and keep a copy, which getRecovered then returns.
      const loaded = await loadSettings();
      const [recovered, licensed] = await Promise.all([getRecovered(), getLicensedDescriptors()]);
      if (live) setState((s) => ({ ...s, loaded: true, saved: loaded.settings, profiles: profilesOf(loaded.settings), recovered, licensed }));
    })().catch((e) => console.error('CDT Lens: could not load settings', e));
    // Chrome can take a second to answer storage.managed in a new profile: the page does not wait for it.
    void loadManaged().then((managed) => live && setState((s) => ({ ...s, managed })));
    const unwatch = [
      // Changes made elsewhere (the popup, another options tab) reach this page; unsaved edits stay as they are.
      watchSettings((settings) =>
        setState((s) => {
          const clean = layerKey(s.saved) === JSON.stringify(layerFromProfiles(BUNDLED, s.profiles));
          return { ...s, saved: settings, profiles: clean ? profilesOf(settings) : s.profiles };
        }),
      ),
      watchManaged(() => void loadManaged().then((managed) => setState((s) => ({ ...s, managed })))),
      watchLicensedDescriptors((licensed) => setState((s) => ({ ...s, licensed }))),
    ];
    return () => {
      live = false;
      for (const u of unwatch) u();
    };
  }, []);

  const setProfiles = useCallback(
    (change: (profiles: PayerProfile[]) => PayerProfile[]) => setState((s) => ({ ...s, profiles: change(s.profiles) })),
    [],
  );

  const updateProfile = useCallback(
    (id: string, change: (p: PayerProfile) => PayerProfile) =>
      setProfiles((all) => all.map((p) => (p.id === id ? change(structuredClone(p)) : p))),
    [setProfiles],
  );

  /** Saves the payer edits; returns an error in words when they are not valid (nothing is saved then). */
  const save = useCallback(async (): Promise<string | null> => {
    const layer = layerFromProfiles(BUNDLED, state.profiles);
    const candidate = Settings.safeParse({ ...state.saved, ...layer });
    if (!candidate.success) return `Not saved: ${describeZodError(candidate.error)}`;
    const saved = await updateSettings((s) => ({ ...s, ...layer }));
    setState((s) => ({ ...s, saved, profiles: profilesOf(saved) }));
    return null;
  }, [state.profiles, state.saved]);

  const discard = useCallback(() => setState((s) => ({ ...s, profiles: profilesOf(s.saved) })), []);

  /** After an import or another whole-settings write: the page shows exactly what was stored. */
  const replaceSaved = useCallback(
    (saved: Settings) => setState((s) => ({ ...s, saved, profiles: profilesOf(saved) })),
    [],
  );

  const forgetRecovered = useCallback(async () => {
    await dismissRecovered();
    setState((s) => ({ ...s, recovered: null }));
  }, []);

  return { state, dirty, bundled: BUNDLED, setProfiles, updateProfile, save, discard, replaceSaved, forgetRecovered };
}
