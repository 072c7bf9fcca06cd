import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LicensedImportError, getLicensedDescriptor, getLicensedDescriptors, importLicensedFile, parseLicensedFile, removeLicensedFile } from '../../../lib/licensed';
import { detectColumns, entriesFrom } from '../../../lib/licensed/columns';
import { parseCsv } from '../../../lib/licensed/csv';
import { readXlsxRows } from '../../../lib/licensed/xlsx';
import { readSettings } from '../../../lib/settings/read';
import { makeXlsx } from './helpers';

// Placeholder text: real CDT descriptors are the ADA's and never appear in this repository.
const ROWS = [
  ['Code', 'Nomenclature', 'Descriptor', 'Category'],
  ['D0120', 'Sample nomenclature one', 'Sample descriptor, with a comma', 'Diagnostic'],
  ['D2740', 'Sample nomenclature two', 'Sample "quoted" descriptor', 'Restorative'],
];
const csv = (rows: string[][], d = ',') => rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join('\r\n');

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv(`\uFEFF${csv(ROWS)}\r\n`)).toEqual(ROWS);
    expect(parseCsv('a,"line\nbreak",c')).toEqual([['a', 'line\nbreak', 'c']]);
  });
  it('guesses a semicolon or tab delimiter from the header', () => {
    expect(parseCsv(csv(ROWS, ';'))).toEqual(ROWS);
    expect(parseCsv('Code\tDescriptor\nD0120\tx')).toEqual([['Code', 'Descriptor'], ['D0120', 'x']]);
  });
});

describe('columns', () => {
  it('finds code, nomenclature and descriptor by header, in any order, below a title row', () => {
    expect(detectColumns([['ADA CDT 2026 export'], ['Descriptor', 'Notes', 'CDT Code', 'Nomenclature']])).toEqual({ header: 1, code: 2, descriptor: 0, nomenclature: 3 });
    expect(detectColumns([['Procedure Code', 'Description']])).toMatchObject({ code: 0, descriptor: 1 });
  });
  it('names the problem when no header fits', () => {
    expect(() => detectColumns([['Name', 'Price'], ['x', '1']])).toThrow(/no column headed “Code”.*first row reads: Name, Price/);
  });
  it('keeps rows with a code, trims text and counts skipped rows', () => {
    const { entries, skipped } = entriesFrom([...ROWS, ['', '', '', ''], ['Total', '', '', ''], [' d3310 ', '', '  spaced   out  ', '']]);
    expect(entries.D0120).toEqual({ nomenclature: 'Sample nomenclature one', descriptor: 'Sample descriptor, with a comma' });
    expect(entries.D3310).toEqual({ descriptor: 'spaced out' });
    expect(skipped).toBe(1);
  });
});

describe('XLSX', () => {
  it('reads shared strings (plain and rich text) and inline strings', () => {
    expect(readXlsxRows(makeXlsx(ROWS))).toEqual(ROWS);
    expect(readXlsxRows(makeXlsx(ROWS, { inline: true }))).toEqual(ROWS);
  });
  it('keeps empty cells in place and decodes entities', () => {
    const bytes = zipSync({
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="C1" t="inlineStr"><is><t>Descriptor</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>D0120</t></is></c><c r="C2" t="inlineStr"><is><t>a &amp; b &#8212; c</t></is></c></row></sheetData></worksheet>',
      ),
    });
    expect(readXlsxRows(bytes)).toEqual([['Code', '', 'Descriptor'], ['D0120', '', 'a & b — c']]);
  });
  it('follows the workbook to a sheet that is not sheet1.xml', () => {
    expect(readXlsxRows(makeXlsx(ROWS, { sheetPath: 'worksheets/codes.xml' }))[1][0]).toBe('D0120');
  });
  it('refuses a file that is not a spreadsheet', () => {
    expect(() => parseLicensedFile('cdt.xlsx', strToU8('Code,Descriptor'))).toThrow(LicensedImportError);
    expect(() => parseLicensedFile('cdt.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/not a readable .xlsx/);
  });
});

describe('licensed descriptors in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('imports a CSV or XLSX file, serves descriptors by code, and removes them', async () => {
    expect(await importLicensedFile('cdt-2026.xlsx', makeXlsx(ROWS))).toEqual({ count: 2, skipped: 0 });
    expect(await getLicensedDescriptor('d2740')).toEqual({ nomenclature: 'Sample nomenclature two', descriptor: 'Sample "quoted" descriptor' });
    expect(await getLicensedDescriptor('D9999')).toBeNull();
    expect((await getLicensedDescriptors())?.source).toBe('cdt-2026.xlsx');
    expect((await readSettings()).licensedData).toBe(true);
    expect(Object.keys(await browser.storage.local.get())).toEqual(expect.arrayContaining(['licensedDescriptors', 'settings']));

    await importLicensedFile('cdt.csv', strToU8(csv(ROWS.slice(0, 2))));
    expect(Object.keys((await getLicensedDescriptors())!.entries)).toEqual(['D0120']);

    await removeLicensedFile();
    expect(await getLicensedDescriptors()).toBeNull();
    expect(await getLicensedDescriptor('D0120')).toBeNull();
    expect((await readSettings()).licensedData).toBe(false);
  });

  it('a file without codes changes nothing', async () => {
    await expect(importLicensedFile('empty.csv', strToU8('Code,Descriptor\nfoo,bar'))).rejects.toThrow(/no rows with a CDT code/);
    expect(await getLicensedDescriptors()).toBeNull();
  });
});
