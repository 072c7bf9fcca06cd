import { strToU8, zipSync } from 'fflate';

/** A minimal .xlsx as Excel writes one: shared strings, a workbook pointing at its sheet, one sheet. */
export function makeXlsx(rows: (string | number)[][], { inline = false, sheetPath = 'worksheets/sheet1.xml' } = {}): Uint8Array {
  const strings: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const col = (i: number) => String.fromCharCode(65 + i);
  const cell = (v: string | number, r: number, c: number) => {
    const ref = `${col(c)}${r + 1}`;
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (inline) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
    strings.push(v);
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
  };
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings
    .map((s, i) => (i % 2 ? `<si><r><t>${esc(s.slice(0, 3))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${esc(s.slice(3))}</t></r></si>` : `<si><t>${esc(s)}</t></si>`))
    .join('')}</sst>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="CDT" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sheetPath}"/></Relationships>`,
    ),
    [`xl/${sheetPath}`]: strToU8(sheet),
    'xl/sharedStrings.xml': strToU8(shared),
  });
}
