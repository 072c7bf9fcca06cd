import { useEffect, useState } from 'preact/hooks';
import type { PayerProfile } from '../../lib/payers/schema';
import { readPayerProfiles, watchManaged, watchSettings } from '../../lib/settings/read';
import { PAYERS, sortProfiles } from './data';

/**
 * Every payer profile in force (bundled defaults, the office's settings, the group's policy), "Default" first,
 * kept up to date while the lookup is open. The bundled profiles stand in until the settings are read.
 */
export function usePayerProfiles(): readonly PayerProfile[] {
  const [profiles, setProfiles] = useState<readonly PayerProfile[]>(PAYERS);
  useEffect(() => {
    let live = true;
    let run = 0;
    const load = () => {
      const mine = ++run;
      readPayerProfiles().then(
        (loaded) => {
          if (live && mine === run) setProfiles(sortProfiles(loaded));
        },
        () => undefined, // keep what is shown
      );
    };
    load();
    const unwatchSettings = watchSettings(load);
    const unwatchManaged = watchManaged(load);
    return () => {
      live = false;
      unwatchSettings();
      unwatchManaged();
    };
  }, []);
  return profiles;
}
