import { useEffect, useState } from 'preact/hooks';
import { type LicensedData, type LicensedEntry, getLicensedDescriptors, watchLicensedDescriptors } from '../../lib/licensed/store';

export interface LicensedText extends LicensedEntry {
  /** The name of the file the practice imported. */
  source: string;
}

function pick(data: LicensedData | null, code: string): LicensedText | null {
  if (!data || !Object.hasOwn(data.entries, code)) return null;
  const entry = data.entries[code];
  if (!entry?.nomenclature && !entry?.descriptor) return null;
  return { nomenclature: entry.nomenclature, descriptor: entry.descriptor, source: data.source };
}

/**
 * A code's nomenclature and descriptor from the practice's own licensed CDT file (imported in the options page,
 * kept in this browser only), or null when the practice imported none or the file lacks the code.
 */
export function useLicensedText(code: string): LicensedText | null {
  const [text, setText] = useState<LicensedText | null>(null);
  useEffect(() => {
    let live = true;
    setText(null);
    getLicensedDescriptors().then(
      (data) => {
        if (live) setText(pick(data, code));
      },
      () => undefined,
    );
    const unwatch = watchLicensedDescriptors((data) => setText(pick(data, code)));
    return () => {
      live = false;
      unwatch();
    };
  }, [code]);
  return text;
}
