import payers from '../../.generated/payers.json';
import type { PayerProfile } from '../payers/schema';

/** The bundled default payer profiles (data/payers, validated by `npm run data`). */
export function bundledPayers(): PayerProfile[] {
  return payers as PayerProfile[];
}
