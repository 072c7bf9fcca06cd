/**
 * Bench pages: an ADA-style claim table like tests/e2e/pages/demo/claim.html, ten columns per line (#, date, area,
 * tooth system, tooth, surface, procedure code, quantity, description, fee: nine controls), every line filled with
 * a plausible procedure. Deterministic (seeded), so the pages and the values typed into them are the same in every
 * run. Run alone: npx tsx bench/pages/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PAGES = resolve(import.meta.dirname);

/** A procedure as a front desk enters it: the code, what it needs beside it, and a fee. */
interface Procedure {
  code: string;
  description: string;
  fee: number;
  teeth?: readonly string[];
  surfaces?: readonly string[];
  areas?: readonly string[];
}

const POSTERIOR = ['2', '3', '4', '5', '12', '13', '14', '15', '18', '19', '20', '21', '28', '29', '30', '31'];
const ANTERIOR = ['6', '7', '8', '9', '10', '11', '22', '23', '24', '25', '26', '27'];
const MOLARS = ['2', '3', '14', '15', '18', '19', '30', '31'];
const ANY_TOOTH = [...POSTERIOR, ...ANTERIOR, '1', '16', '17', '32'];

export const PROCEDURES: readonly Procedure[] = [
  { code: 'D0120', description: 'Periodic oral evaluation', fee: 55 },
  { code: 'D0150', description: 'Comprehensive oral evaluation', fee: 95 },
  { code: 'D0274', description: 'Bitewings - four radiographic images', fee: 75 },
  { code: 'D0220', description: 'Intraoral periapical first image', fee: 35, teeth: ANY_TOOTH },
  { code: 'D0330', description: 'Panoramic radiographic image', fee: 120 },
  { code: 'D1110', description: 'Prophylaxis - adult', fee: 110 },
  { code: 'D1206', description: 'Topical application of fluoride varnish', fee: 45 },
  { code: 'D2391', description: 'Resin-based composite - one surface, posterior', fee: 180, teeth: POSTERIOR, surfaces: ['O', 'B', 'L'] },
  { code: 'D2392', description: 'Resin-based composite - two surfaces, posterior', fee: 220, teeth: POSTERIOR, surfaces: ['MO', 'DO', 'OB'] },
  { code: 'D2393', description: 'Resin-based composite - three surfaces, posterior', fee: 265, teeth: POSTERIOR, surfaces: ['MOD', 'MOB', 'DOL'] },
  { code: 'D2330', description: 'Resin-based composite - one surface, anterior', fee: 150, teeth: ANTERIOR, surfaces: ['F', 'L', 'M', 'D'] },
  { code: 'D2140', description: 'Amalgam - one surface, primary or permanent', fee: 140, teeth: POSTERIOR, surfaces: ['O', 'B'] },
  { code: 'D2740', description: 'Crown - porcelain/ceramic', fee: 1200, teeth: ANY_TOOTH },
  { code: 'D2950', description: 'Core buildup, including any pins when required', fee: 280, teeth: ANY_TOOTH },
  { code: 'D3330', description: 'Endodontic therapy, molar tooth', fee: 1100, teeth: MOLARS },
  { code: 'D4341', description: 'Periodontal scaling and root planing - four or more teeth per quadrant', fee: 250, areas: ['10', '20', '30', '40'] },
  { code: 'D4910', description: 'Periodontal maintenance', fee: 140 },
  { code: 'D7140', description: 'Extraction, erupted tooth or exposed root', fee: 190, teeth: ANY_TOOTH },
  { code: 'D7210', description: 'Extraction, erupted tooth requiring removal of bone', fee: 320, teeth: ANY_TOOTH },
  { code: 'D9110', description: 'Palliative treatment of dental pain', fee: 95 },
];

export interface Line {
  n: number;
  date: string;
  area: string;
  system: 'JP' | 'JO';
  tooth: string;
  surface: string;
  code: string;
  qty: string;
  description: string;
  fee: string;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** One claim line: visit dates spread over January to October 2026 (all in the past on the bench machine). */
export function makeLine(n: number, r: () => number): Line {
  const p = pick(r, PROCEDURES);
  const month = 1 + Math.floor(r() * 10);
  const day = 1 + Math.floor(r() * 28);
  return {
    n,
    date: `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/2026`,
    area: p.areas ? pick(r, p.areas) : '',
    system: 'JP',
    tooth: p.teeth ? pick(r, p.teeth) : '',
    surface: p.surfaces ? pick(r, p.surfaces) : '',
    code: p.code,
    qty: '1',
    description: p.description,
    fee: p.fee.toFixed(2),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A row exactly as the bench's page script re-renders it (bench/pages/churn.js builds the same markup). */
export function rowHtml(l: Line): string {
  const i = l.n;
  const v = (s: string) => (s ? ` value="${esc(s)}"` : '');
  return `<tr>
  <th scope="row">${i}</th>
  <td><input name="line[${i}][date]" aria-label="24. Procedure date, line ${i}" placeholder="MM/DD/CCYY" size="10"${v(l.date)}></td>
  <td><input name="line[${i}][area]" aria-label="25. Area of oral cavity, line ${i}" size="2"${v(l.area)}></td>
  <td><select name="line[${i}][system]" aria-label="26. Tooth system, line ${i}"><option value="JP"${l.system === 'JP' ? ' selected' : ''}>JP</option><option value="JO"${l.system === 'JO' ? ' selected' : ''}>JO</option></select></td>
  <td><input name="line[${i}][tooth]" aria-label="27. Tooth number(s) or letter(s), line ${i}" size="6"${v(l.tooth)}></td>
  <td><input name="line[${i}][surface]" aria-label="28. Tooth surface, line ${i}" size="5"${v(l.surface)}></td>
  <td><input name="line[${i}][code]" aria-label="29. Procedure code, line ${i}" size="7" autocomplete="off"${v(l.code)}></td>
  <td><input name="line[${i}][qty]" aria-label="29b. Quantity, line ${i}" size="2"${v(l.qty)}></td>
  <td><input name="line[${i}][description]" aria-label="30. Description, line ${i}" size="28"${v(l.description)}></td>
  <td><input name="line[${i}][fee]" aria-label="31. Fee, line ${i}" size="8" inputmode="decimal"${v(l.fee)}></td>
</tr>`;
}

export function claimLines(count: number, seed = 300): Line[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, k) => makeLine(k + 1, r));
}

export function claimPage(lines: readonly Line[]): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Claim entry (${lines.length} lines) - Demo Dental Plan provider portal</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>
    body { font: 13px/1.4 Arial, Helvetica, sans-serif; margin: 0; background: #eef1f4; color: #222; }
    header.portal { background: #123d6a; color: #fff; padding: 10px 24px; display: flex; justify-content: space-between; align-items: center; }
    header.portal strong { font-size: 16px; }
    nav.crumbs { padding: 8px 24px; font-size: 12px; color: #555; }
    main { background: #fff; margin: 0 24px 24px; padding: 16px 20px; border: 1px solid #c9d1d9; }
    h1 { font-size: 18px; margin: 0 0 12px; }
    fieldset { border: 1px solid #c9d1d9; margin: 0 0 14px; padding: 8px 12px 12px; }
    legend { font-weight: bold; padding: 0 4px; }
    .grid { display: grid; grid-template-columns: repeat(4, minmax(160px, 1fr)); gap: 8px 16px; }
    .grid label { display: flex; flex-direction: column; font-size: 11px; color: #444; }
    input, select { font: 13px Arial, sans-serif; padding: 3px 4px; border: 1px solid #9aa5b1; border-radius: 2px; }
    table.services { border-collapse: collapse; width: 100%; }
    table.services th, table.services td { border: 1px solid #c9d1d9; padding: 3px 4px; text-align: left; }
    table.services thead th { background: #f3f5f7; font-size: 11px; vertical-align: bottom; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
    button { padding: 6px 14px; }
  </style>
</head>
<body>
  <header class="portal"><strong>Demo Dental Plan &middot; Provider Portal</strong><span>Signed in: Front Desk</span></header>
  <nav class="crumbs">Claims &rsaquo; Dental claim (ADA 2024 layout) &rsaquo; ${lines.length} service lines</nav>
  <main>
    <h1>Dental claim</h1>
    <form id="claim" autocomplete="off" onsubmit="event.preventDefault()">
      <fieldset>
        <legend>Patient</legend>
        <div class="grid">
          <label>20. Patient name <input name="patient_name" value="Jordan Rivera"></label>
          <label>21. Date of birth <input name="patient_dob" placeholder="MM/DD/CCYY" value="04/17/1981"></label>
          <label>15. Subscriber ID <input name="member_id" value="DDP448812093"></label>
          <label>Claim number <input name="claim_number" value="C-2026-118204"></label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Record of services provided</legend>
        <table class="services">
          <thead>
            <tr>
              <th>#</th><th>24. Procedure date</th><th>25. Area of oral cavity</th><th>26. Tooth system</th>
              <th>27. Tooth number(s) or letter(s)</th><th>28. Tooth surface</th><th>29. Procedure code</th>
              <th>29b. Qty.</th><th>30. Description</th><th>31. Fee</th>
            </tr>
          </thead>
          <tbody id="lines">
${lines.map(rowHtml).join('\n')}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>35. Remarks</legend>
        <textarea name="remarks" rows="3" cols="100" aria-label="35. Remarks"></textarea>
      </fieldset>
      <div class="actions"><button type="button">Save draft</button><button type="submit">Submit claim</button></div>
    </form>
  </main>
</body>
</html>
`;
}

/** Writes claim-300.html and claim-2000.html beside this file; returns their lines. */
export function writePages(): { claim300: Line[]; claim2000: Line[] } {
  const claim300 = claimLines(300, 300);
  const claim2000 = claimLines(2000, 2000);
  writeFileSync(resolve(PAGES, 'claim-300.html'), claimPage(claim300));
  writeFileSync(resolve(PAGES, 'claim-2000.html'), claimPage(claim2000));
  return { claim300, claim2000 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { claim300, claim2000 } = writePages();
  console.log(`wrote bench/pages/claim-300.html (${claim300.length} lines) and claim-2000.html (${claim2000.length} lines)`);
}
