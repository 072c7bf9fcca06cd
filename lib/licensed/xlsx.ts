import { type Unzipped, unzipSync } from 'fflate';

/**
 * Reads the first worksheet of an .xlsx file as rows of cell text. fflate (8 kB, no dependencies, no
 * network) inflates the zip; the few XML parts needed are read with small regular expressions, which is
 * enough for the cell values a spreadsheet export holds (no formulas are evaluated).
 */

export class XlsxError extends Error {
  override name = 'XlsxError';
}

/** Refuse zip bombs: a CDT export inflates to a few megabytes. */
const MAX_INFLATED_BYTES = 60_000_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The text of every <t> inside a fragment (rich text splits one cell into runs). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1])).join('');

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function unzip(bytes: Uint8Array): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        total += file.originalSize;
        if (total > MAX_INFLATED_BYTES) throw new XlsxError('the spreadsheet is too large to read');
        return file.name.startsWith('xl/') && file.name.endsWith('.xml') || file.name.endsWith('.rels');
      },
    });
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('the file is not a readable .xlsx spreadsheet');
  }
}

const text = (files: Unzipped, name: string) => (files[name] ? new TextDecoder().decode(files[name]) : undefined);

function firstSheetPath(files: Unzipped): string {
  const workbook = text(files, 'xl/workbook.xml') ?? '';
  const rels = text(files, 'xl/_rels/workbook.xml.rels') ?? '';
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid ? new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] : undefined;
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const any = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort();
  if (!any.length) throw new XlsxError('the spreadsheet has no worksheet');
  return any[0];
}

export function readXlsxRows(bytes: Uint8Array): string[][] {
  const files = unzip(bytes);
  const sheet = text(files, firstSheetPath(files));
  if (!sheet) throw new XlsxError('the spreadsheet has no worksheet');
  const shared = [...(text(files, 'xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = [];
    let next = 0;
    for (const cell of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1];
      const ref = /\br="([A-Z]+\d*)"/.exec(attrs)?.[1];
      const at = ref ? columnIndex(ref) : next;
      next = at + 1;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const body = cell[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = textOf(body);
      else if (v !== undefined) value = decode(v);
      cells[at] = value;
    }
    rows.push(Array.from(cells, (c) => c ?? ''));
  }
  return rows;
}
