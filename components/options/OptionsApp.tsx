import payers from '../../.generated/payers.json';
import { LicenceNote } from '../LicenceNote';

/** The options page: payer profiles and their settings. */
export function OptionsApp() {
  return (
    <main style={{ maxWidth: '960px', margin: '0 auto', padding: '16px' }}>
      <h1 style={{ fontSize: '20px' }}>CDT Lens settings</h1>
      <h2 style={{ fontSize: '16px' }}>Payer profiles</h2>
      <ul class="payers">
        {payers.map((p) => (
          <li key={p.id} data-payer={p.id}>
            {p.name}
          </li>
        ))}
      </ul>
      <LicenceNote />
    </main>
  );
}
