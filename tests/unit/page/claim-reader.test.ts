// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { RawLine } from '../../../lib/claim/line';
import { MAX_CONTROLS, type PageClaim, readClaims, readClaimsInSteps, readLineOf, readRowLine, rereadLine, toClaim, WALK_STEP, walkInSteps } from '../../../lib/page/claim-reader';
import { controlCodes } from '../../../lib/page/controls';
import { forgetFieldRoles } from '../../../lib/page/field-roles';
import { loadFixture, PORTAL_PAGES, typeInto } from './fixtures';

const TODAY = '2025-07-01';

/** A line's raw values without its id, for comparing with what a fixture shows. */
const values = ({ id: _id, ...rest }: RawLine) => rest;
const blank = { code: null, tooth: '', toothSystem: '', surface: '', area: '', date: '', quantity: '' };
const line = (fields: Partial<Omit<RawLine, 'id'>>) => ({ ...blank, ...fields });

function onlyClaim(doc: Document = document): PageClaim {
  const claims = readClaims(doc);
  expect(claims).toHaveLength(1);
  return claims[0];
}

const byName = (name: string, root: ParentNode = document) => {
  const el = root.querySelector(`[name="${name}"]`);
  if (!el) throw new Error(`no control named ${name}`);
  return el;
};

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
  forgetFieldRoles();
});

describe('aspnet-table.html (WebForms GridView, ctl00$... names, header row in tbody)', () => {
  const field = (row: number, name: string) => byName(`ctl00$MainContent$gvLines$ctl0${row + 2}$${name}`);

  it('reads the three grid rows as lines, and nothing from the patient table', async () => {
    await loadFixture('aspnet-table.html');
    typeInto(field(1, 'txtProcCd'), ' d2740 ');
    typeInto(field(1, 'txtTooth'), '#8');
    (field(1, 'ddlArea') as HTMLSelectElement).value = '01';
    typeInto(field(1, 'txtDOS'), '3/4/25');
    const claim = onlyClaim();
    expect(claim.root).toBe(document.getElementById('form1'));
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D2392', tooth: '30', surface: 'MO', date: '03/04/2025', quantity: '1' }),
      line({ code: 'D2740', tooth: '#8', area: '01', date: '3/4/25', quantity: '1' }),
      line({ quantity: '1' }),
    ]);
    expect(claim.lines.map((l) => l.row.localName)).toEqual(['tr', 'tr', 'tr']);
    expect(claim.lines[0].controls.fee).toBe(field(0, 'txtFee'));
    expect(claim.patientBirthDate).toBe('2016-04-12');
    expect(claim.claimDate).toBeNull();
  });

  it('reads one line from a control that changed, with the same id', async () => {
    await loadFixture('aspnet-table.html');
    const [first] = onlyClaim().lines;
    typeInto(field(0, 'txtSurf'), 'mod');
    const read = readLineOf(field(0, 'txtSurf'));
    expect(read?.line.id).toBe(first.id);
    expect(read?.line.raw.surface).toBe('mod');
    expect(read?.claim.patientBirthDate).toBe('2016-04-12');
    expect(read?.claim.lines).toHaveLength(3);
  });

  it('never reads member ids, claim numbers, NPIs or phone numbers as codes', async () => {
    await loadFixture('aspnet-table.html');
    const codes = onlyClaim().lines.map((l) => l.raw.code);
    expect(codes).not.toContain('D0150');
    expect(codes).not.toContain('D0120');
    expect(readLineOf(byName('ctl00$MainContent$txtMemberId'))).toBeNull();
    expect(readLineOf(byName('ctl00$MainContent$txtPatientDOB'))).toBeNull();
  });
});

describe('react-grid.html (role=grid, aria-labels, controlled inputs)', () => {
  const cell = (row: number, col: number) => document.querySelectorAll('[role=grid] [role=row]')[row + 1].querySelectorAll('input')[col];

  it('reads the grid rows, typed values included', async () => {
    await loadFixture('react-grid.html');
    typeInto(cell(2, 1), 'd3330');
    typeInto(cell(2, 2), '19');
    const claim = onlyClaim();
    expect(cell(2, 1)).toHaveProperty('value', 'D3330'); // the page's own state upper-cased it
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D0120', date: '02/11/2025', quantity: '1' }),
      line({ code: 'D1110', date: '02/11/2025', quantity: '1' }),
      line({ code: 'D3330', tooth: '19', quantity: '1' }),
    ]);
    expect(claim.lines.every((l) => l.row.getAttribute('role') === 'row')).toBe(true);
    expect(claim.patientBirthDate).toBe('1987-09-30');
  });

  it('falls back to today when neither the line nor the claim gives a date', async () => {
    await loadFixture('react-grid.html');
    const claim = toClaim(onlyClaim(), TODAY);
    expect(claim.lines.map((l) => [l.dateOfService, l.dateSource])).toEqual([
      ['2025-02-11', 'line'],
      ['2025-02-11', 'line'],
      [TODAY, 'today'],
    ]);
    expect(claim.patientBirthDate).toBe('1987-09-30');
  });

  it('keeps line ids across re-renders of the same rows', async () => {
    await loadFixture('react-grid.html');
    const before = onlyClaim().lines.map((l) => l.id);
    typeInto(cell(0, 2), '3');
    expect(onlyClaim().lines.map((l) => l.id)).toEqual(before);
    expect(readLineOf(cell(0, 2))?.line).toMatchObject({ id: before[0], raw: { tooth: '3', code: 'D0120' } });
  });
});

describe('fieldset-iframe.html (same-origin iframe, repeated labelled fieldsets)', () => {
  const frameDoc = () => (document.getElementById('claim-frame') as HTMLIFrameElement).contentDocument!;

  it('reads the lines inside the iframe, with the claim-level date and birth date', async () => {
    await loadFixture('fieldset-iframe.html');
    typeInto(frameDoc().getElementById('procCode3'), 'D4342');
    typeInto(frameDoc().getElementById('area3'), ' ll ');
    const claim = onlyClaim();
    expect(claim.root).toBe(frameDoc().getElementById('dentalClaim'));
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D4341', area: 'UR', quantity: '1' }),
      line({ code: 'D4341', area: 'LR', quantity: '1' }),
      line({ code: 'D4342', area: 'll', quantity: '1' }),
    ]);
    expect(claim.lines.map((l) => l.row.localName)).toEqual(['fieldset', 'fieldset', 'fieldset']);
    expect(claim.claimDate).toBe('2025-01-15');
    expect(claim.patientBirthDate).toBe('1979-06-02');
  });

  it('dates every line from the claim when the lines have none', async () => {
    await loadFixture('fieldset-iframe.html');
    const claim = toClaim(onlyClaim(), TODAY);
    expect(claim.lines.map((l) => [l.dateOfService, l.dateSource])).toEqual([
      ['2025-01-15', 'claim'],
      ['2025-01-15', 'claim'],
      ['2025-01-15', 'claim'],
    ]);
  });

  it('reads a line from a control inside the frame, and stays out of frames when asked', async () => {
    await loadFixture('fieldset-iframe.html');
    const read = readLineOf(frameDoc().getElementById('units2')!);
    expect(read?.line.raw).toMatchObject({ code: 'D4341', area: 'LR' });
    expect(read?.claim.claimDate).toBe('2025-01-15');
    expect(readClaims(document, { frames: false })).toEqual([]);
  });
});

describe('web-components.html (open shadow roots inside a shadow root)', () => {
  const lineHosts = () => Array.from(document.querySelector('cl-service-lines')!.shadowRoot!.querySelectorAll('cl-service-line'));
  const input = (host: Element, name: string) => host.shadowRoot!.querySelector(`input[name="${name}"]`)!;

  it('reads each custom element as a line', async () => {
    await loadFixture('web-components.html');
    const claim = onlyClaim();
    expect(claim.root).toBe(document.getElementById('claim'));
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D2740', tooth: '8', date: '05/06/2025', quantity: '1' }),
      line({ code: 'D2950', tooth: '8', date: '05/06/2025', quantity: '1' }),
      line({ quantity: '1' }),
    ]);
    expect(claim.lines.map((l) => l.row)).toEqual(lineHosts());
    expect(claim.patientBirthDate).toBe('2009-11-23');
  });

  it('never reads a closed shadow root', async () => {
    await loadFixture('web-components.html');
    expect(onlyClaim().lines.map((l) => l.raw.code)).not.toContain('D9999');
  });

  it('follows lines added and typed at run time, and reads one line from a shadow control', async () => {
    await loadFixture('web-components.html');
    (document.getElementById('add-line') as HTMLButtonElement).click();
    const added = lineHosts()[3];
    typeInto(input(added, 'code'), 'D0150');
    typeInto(input(added, 'dos'), '05/07/2025');
    expect(onlyClaim().lines.map((l) => l.raw.code)).toEqual(['D2740', 'D2950', null, 'D0150']);
    const read = readLineOf(input(added, 'dos'));
    expect(read?.line.row).toBe(added);
    expect(read?.line.raw).toMatchObject({ code: 'D0150', date: '05/07/2025' });
  });

  it('lets site selectors pick fields and rows through shadow roots with >>>', async () => {
    await loadFixture('web-components.html');
    // A (deliberately odd) profile: the tooth is read from the surface box.
    const selectors = {
      row: 'cl-service-lines >>> cl-service-line',
      code: 'cl-service-lines >>> cl-service-line >>> input[name="code"]',
      tooth: 'cl-service-line >>> input[name="surface"]',
    };
    typeInto(input(lineHosts()[0], 'surface'), 'L');
    const [claim] = readClaims(document, { selectors });
    expect(claim.lines.map((l) => [l.raw.code, l.raw.tooth])).toEqual([
      ['D2740', 'L'],
      ['D2950', ''],
      [null, ''],
    ]);
    expect(claim.lines[0].row).toBe(lineHosts()[0]);
    expect(readLineOf(input(lineHosts()[0], 'surface'), { selectors })?.line.raw.tooth).toBe('L');
  });
});

describe('select-pickers.html (code and tooth chosen from selects, grouped headers, date inputs)', () => {
  it('reads codes from option values and from option text', async () => {
    await loadFixture('select-pickers.html');
    // happy-dom mis-parses <option selected>; choose the way a person would.
    (byName('lines[0].procedureId') as HTMLSelectElement).value = 'D2392';
    (byName('lines[0].tooth') as HTMLSelectElement).value = '19';
    (byName('lines[1].procedureId') as HTMLSelectElement).value = '1043';
    (byName('lines[1].tooth') as HTMLSelectElement).value = 'K';
    (byName('lines[2].procedureId') as HTMLSelectElement).value = '';
    (byName('lines[2].tooth') as HTMLSelectElement).value = '';
    const claim = onlyClaim();
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D2392', tooth: '19', surface: 'MO', date: '2025-03-04', quantity: '1' }),
      line({ code: 'D0140', tooth: 'K', date: '2025-03-04', quantity: '1' }),
      line({ quantity: '1' }),
    ]);
    // The birth date sits outside the services form: a document-level field serves the claim.
    expect(claim.patientBirthDate).toBe('2012-08-19');
    expect(claim.root).toBe(document.getElementById('services'));
  });

  it('reads one line from a select', async () => {
    await loadFixture('select-pickers.html');
    const select = byName('lines[1].procedureId') as HTMLSelectElement;
    select.value = '1046';
    expect(readLineOf(select)?.line.raw.code).toBe('D0150');
  });
});

describe('ada-css-grid.html (flat CSS grid, ADA item headers, svc[i][field] names, no labels)', () => {
  it('groups a flat grid’s cells into lines by their name index', async () => {
    await loadFixture('ada-css-grid.html');
    typeInto(byName('svc[2][code]'), 'd0330');
    (byName('svc[2][system]') as HTMLSelectElement).value = 'JO';
    typeInto(byName('svc[2][tooth]'), '36');
    typeInto(byName('svc[2][area]'), '');
    const claim = onlyClaim();
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D2393', toothSystem: 'JP', tooth: '14', surface: 'MOD', date: '05/20/2025', quantity: '1' }),
      line({ code: 'D0274', toothSystem: 'JP', date: '05/20/2025', quantity: '1' }),
      line({ code: 'D0330', toothSystem: 'JO', tooth: '36', quantity: '1' }),
    ]);
    expect(claim.patientBirthDate).toBe('1990-07-14');
    const parsed = toClaim(claim, TODAY);
    expect(parsed.lines[2].teeth.teeth.map((t) => t.universal)).toEqual(['19']);
  });

  it('reads no code from the remarks, the account number or the payer claim number', async () => {
    await loadFixture('ada-css-grid.html');
    const codes = onlyClaim().lines.map((l) => l.raw.code);
    expect(codes).toEqual(['D2393', 'D0274', null]);
    expect(readLineOf(byName('f35'))).toBeNull();
  });

  it('reads one line of a flat grid from any of its cells', async () => {
    await loadFixture('ada-css-grid.html');
    typeInto(byName('svc[1][tooth]'), '2-5');
    const read = readLineOf(byName('svc[1][tooth]'));
    expect(read?.line.raw).toMatchObject({ code: 'D0274', tooth: '2-5' });
    expect(read?.line.controls.code).toBe(byName('svc[1][code]'));
  });
});

describe('remarks-contenteditable.html (a rich-text remarks box that mentions codes)', () => {
  it('reads the table lines, and leaves the remarks to the inline hints', async () => {
    await loadFixture('remarks-contenteditable.html');
    const remarks = document.getElementById('remarks')!;
    remarks.textContent = 'Also D2950 and D2740 planned.';
    const claim = onlyClaim();
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D7210', tooth: '#30', area: 'lr', date: '6/2/2025' }),
      line({ code: 'D0220', tooth: '30', date: '6/2/2025' }),
    ]);
    expect(claim.patientBirthDate).toBe('1961-02-03');
    expect(controlCodes(remarks)).toEqual(['D2950', 'D2740']);
    expect(readLineOf(remarks)).toBeNull();
  });
});

describe('dynamic-lines.html (Add line / Remove at run time, serviceLines[i].field renumbered)', () => {
  const lineEls = () => Array.from(document.querySelectorAll('#lines > .line'));

  it('reads the lines the script built', async () => {
    await loadFixture('dynamic-lines.html');
    const claim = onlyClaim();
    expect(claim.lines.map((l) => values(l.raw))).toEqual([
      line({ code: 'D1110', date: '04/01/2025', quantity: '1' }),
      line({ code: 'D0274', date: '04/01/2025', quantity: '1' }),
      line({ code: 'D2391', tooth: '3', surface: 'O', date: '04/01/2025', quantity: '1' }),
    ]);
    expect(claim.lines.map((l) => l.row)).toEqual(lineEls());
    expect(claim.patientBirthDate).toBe('1995-12-01');
  });

  it('keeps the ids of surviving lines when one is removed and the names are renumbered', async () => {
    await loadFixture('dynamic-lines.html');
    const [a, b, c] = onlyClaim().lines.map((l) => l.id);
    (lineEls()[0].querySelector('.remove') as HTMLButtonElement).click();
    expect(byName('serviceLines[0].procedureCode')).toHaveProperty('value', 'D0274');
    const after = onlyClaim().lines;
    expect(after.map((l) => l.id)).toEqual([b, c]);
    expect(after.map((l) => l.id)).not.toContain(a);
  });

  it('reads a line added at run time', async () => {
    await loadFixture('dynamic-lines.html');
    (document.getElementById('add-line') as HTMLButtonElement).click();
    typeInto(byName('serviceLines[3].procedureCode'), 'D1206');
    typeInto(byName('serviceLines[3].dateOfService'), '04/02/2025');
    const lines = onlyClaim().lines;
    expect(lines).toHaveLength(4);
    expect(values(lines[3].raw)).toEqual(line({ code: 'D1206', date: '04/02/2025', quantity: '1' }));
    expect(readLineOf(byName('serviceLines[3].quantity'))?.line.id).toBe(lines[3].id);
  });
});

describe('dates', () => {
  it('take the line’s date, else the claim’s, else today', () => {
    document.body.innerHTML = `<form>
      <label>Date of service <input id="claim-dos" value="02/03/2025"></label>
      <table><thead><tr><th>Code</th><th>DOS</th></tr></thead><tbody>
        <tr><td><input value="D0120"></td><td><input value="01/02/2025"></td></tr>
        <tr><td><input value="D1110"></td><td><input value=""></td></tr>
        <tr><td><input value="D0274"></td><td><input value="13/45/2025"></td></tr>
      </tbody></table></form>`;
    const claim = onlyClaim();
    expect(claim.claimDate).toBe('2025-02-03');
    expect(toClaim(claim, TODAY).lines.map((l) => [l.dateOfService, l.dateSource])).toEqual([
      ['2025-01-02', 'line'],
      ['2025-02-03', 'claim'],
      ['2025-02-03', 'claim'],
    ]);
    (document.getElementById('claim-dos') as HTMLInputElement).value = '';
    expect(toClaim(onlyClaim(), TODAY).lines.map((l) => l.dateSource)).toEqual(['line', 'today', 'today']);
  });

  it('keep a single line apart from a claim-level date beside it', () => {
    document.body.innerHTML = `<form><section>
      <div><label>Claim date of service <input id="claim-dos" value="02/03/2025"></label></div>
      <div class="line"><label>Code <input value="D0120"></label><label>Date <input value=""></label></div>
    </section></form>`;
    const claim = onlyClaim();
    expect(claim.claimDate).toBe('2025-02-03');
    expect(claim.lines[0].row.className).toBe('line');
  });
});

describe('readClaimsInSteps', () => {
  it('reads a big form a little at a time, with the claims of a read at once', () => {
    const row = (i: number) =>
      `<tr><td><input name="l${i}.code" aria-label="Procedure code" value="D${2391 + (i % 3)}"></td>` +
      `<td><input name="l${i}.tooth" aria-label="Tooth" value="${(i % 32) + 1}"></td><td><input name="l${i}.surf" aria-label="Surface" value="MO"></td></tr>`;
    document.body.innerHTML = `<form><table><tbody>${Array.from({ length: 150 }, (_, i) => row(i)).join('')}</tbody></table></form>`;
    const steps = readClaimsInSteps(document);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    const atOnce = readClaims(document);
    expect(r.value.map((c) => c.lines.map((l) => l.raw))).toEqual(atOnce.map((c) => c.lines.map((l) => l.raw)));
    expect(r.value[0].lines).toHaveLength(150);
  });
});

describe('readLineOf', () => {
  it('reads only around the control: lines in another table of the claim are not read', () => {
    document.body.innerHTML = `<form>
      <table id="a"><thead><tr><th>Code</th><th>Tooth</th></tr></thead><tbody>
        <tr><td><input value="D0120"></td><td><input></td></tr><tr><td><input value="D1110"></td><td><input></td></tr></tbody></table>
      <table id="b"><thead><tr><th>Code</th><th>Tooth</th></tr></thead><tbody>
        <tr><td><input value="D2140"></td><td><input id="t"></td></tr><tr><td><input value="D2150"></td><td><input></td></tr></tbody></table></form>`;
    expect(onlyClaim().lines).toHaveLength(4);
    const read = readLineOf(document.getElementById('t')!);
    expect(read?.claim.lines.map((l) => l.raw.code)).toEqual(['D2140', 'D2150']);
    expect(read?.line.raw.code).toBe('D2140');
  });

  it('has a cheaper cousin, rereadLine, for a line whose controls are known', async () => {
    await loadFixture('aspnet-table.html');
    const [first] = onlyClaim().lines;
    (first.controls.tooth as HTMLInputElement).value = '31';
    const fresh = rereadLine(first);
    expect(fresh).toMatchObject({ id: first.id, row: first.row, raw: { code: 'D2392', tooth: '31' } });
    expect(first.raw.tooth).toBe('30');
  });

  it('reads lines that sit directly in a host’s shadow root', () => {
    const host = document.body.appendChild(document.createElement('form')).appendChild(document.createElement('x-lines'));
    host.attachShadow({ mode: 'open' }).innerHTML = `
      <div class="line"><label>Code <input value="D0120"></label><label>Tooth <input value="3"></label></div>
      <div class="line"><label>Code <input value="D0140"></label><label>Tooth <input id="t" value="14"></label></div>`;
    const read = readLineOf(host.shadowRoot!.getElementById('t')!);
    expect(read?.claim.lines.map((l) => [l.raw.code, l.raw.tooth])).toEqual([
      ['D0120', '3'],
      ['D0140', '14'],
    ]);
    expect(read?.line.raw.code).toBe('D0140');
  });

  it('returns null for controls outside lines, detached controls and non-controls', () => {
    document.body.innerHTML = '<form><label>DOB <input id="dob"></label><table><tr><th>Code</th></tr><tr><td><input value="D0120"></td></tr></table></form>';
    expect(readLineOf(document.getElementById('dob')!)).toBeNull();
    expect(readLineOf(document.createElement('input'))).toBeNull();
    expect(readLineOf(document.body)).toBeNull();
  });
});

describe('readRowLine', () => {
  const lineOf = (claims: PageClaim[], el: Element) => {
    for (const claim of claims) for (const l of claim.lines) if (Object.values(l.controls).includes(el)) return { claimId: claim.id, line: l };
    return null;
  };

  it.each(PORTAL_PAGES)('%s: reads every line the whole-claim read builds, or declines (never a different line)', async (page) => {
    await loadFixture(page);
    const claims = readClaims(document, { frames: false });
    let readAlone = 0;
    for (const claim of claims)
      for (const l of claim.lines)
        for (const control of Object.values(l.controls)) {
          const alone = readRowLine(control);
          if (!alone) continue;
          readAlone++;
          expect(alone).toEqual(lineOf(claims, control));
        }
    // Pages built from table rows, ARIA rows or fieldsets are read row by row; flat grids never are.
    if (['aspnet-table.html', 'react-grid.html', 'select-pickers.html', 'remarks-contenteditable.html'].includes(page)) expect(readAlone).toBeGreaterThan(0);
    if (page === 'ada-css-grid.html') expect(readAlone).toBe(0);
  });

  it('reads a row added among many without reading the others, and declines controls outside lines', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<tr><td><input name="l[${i}][code]" value="D0120"></td><td><input name="l[${i}][tooth]"></td></tr>`).join('');
    document.body.innerHTML = `<form><label>DOB <input id="dob"></label><table><thead><tr><th>Code</th><th>Tooth</th></tr></thead><tbody id="b">${rows}</tbody></table></form>`;
    const tr = document.createElement('tr');
    tr.innerHTML = '<td><input name="l[50][code]" value="D2391"></td><td><input name="l[50][tooth]" value="30"></td>';
    document.getElementById('b')!.append(tr);
    const read = readRowLine(tr.querySelector('[name$="[tooth]"]')!);
    expect(read?.line.row).toBe(tr);
    expect(read?.line.raw).toMatchObject({ code: 'D2391', tooth: '30' });
    expect(read).toEqual(lineOf(readClaims(document), tr.querySelector('input')!));
    expect(readRowLine(document.getElementById('dob')!)).toBeNull();
    expect(readRowLine(document.createElement('input'))).toBeNull();
  });

  it('declines lines whose row is not a row-like element, which readLineOf still reads', () => {
    document.body.innerHTML = '<form><div><label>Date of service <input id="claim-date"></label><div class="line"><label>Procedure code <input id="c" value="D0120"></label><label>Date of service <input id="d"></label></div></div></form>';
    expect(readRowLine(document.getElementById('c')!)).toBeNull();
    expect(readLineOf(document.getElementById('c')!)?.line.raw.code).toBe('D0120');
  });
});

describe('hostile and odd markup', () => {
  it('never writes to the page: no mutations, no events, no value changes', async () => {
    await loadFixture('dynamic-lines.html');
    const seen: string[] = [];
    const observer = new MutationObserver((records) => seen.push(...records.map((r) => r.type)));
    observer.observe(document, { subtree: true, attributes: true, childList: true, characterData: true });
    for (const type of ['input', 'change', 'focus', 'focusin', 'blur', 'click', 'keydown']) {
      document.addEventListener(type, () => seen.push(type), true);
    }
    const valuesBefore = Array.from(document.querySelectorAll('input'), (i) => i.value);
    const htmlBefore = document.documentElement.outerHTML;
    const [claim] = readClaims(document);
    readLineOf(claim.lines[1].controls.tooth!);
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(seen).toEqual([]);
    expect(Array.from(document.querySelectorAll('input'), (i) => i.value)).toEqual(valuesBefore);
    expect(document.documentElement.outerHTML).toBe(htmlBefore);
  });

  it('survives a value getter that throws', () => {
    document.body.innerHTML = '<table><tr><th>Proc Code</th><th>Tooth</th></tr><tr><td><input id="c" value="D0120"></td><td><input id="t"></td></tr></table>';
    for (const id of ['c', 't']) {
      Object.defineProperty(document.getElementById(id)!, 'value', {
        get() {
          throw new Error('hostile');
        },
      });
    }
    const claims = readClaims(document);
    expect(claims[0].lines).toHaveLength(1);
    expect(values(claims[0].lines[0].raw)).toEqual(line({}));
    expect(readLineOf(document.getElementById('t')!)?.line.raw.tooth).toBe('');
  });

  it('survives a type getter that throws', () => {
    document.body.innerHTML = '<label>Code <input id="c" value="D0120"></label>';
    Object.defineProperty(document.getElementById('c')!, 'type', {
      get() {
        throw new Error('hostile');
      },
    });
    expect(() => readClaims(document)).not.toThrow();
  });

  it('stays bounded with 30,000 inputs', () => {
    const rows = Array.from({ length: 30_000 }, () => '<tr><td><input aria-label="Proc code" value="D0120"></td></tr>').join('');
    document.body.innerHTML = `<table>${rows}</table>`;
    const [claim] = readClaims(document);
    expect(claim.lines).toHaveLength(MAX_CONTROLS);
    expect(readClaims(document, { maxControls: 100 })[0].lines).toHaveLength(100);
  }, 60_000);

  it('stays bounded with thousands of unlabelled inputs side by side', () => {
    document.body.innerHTML = '<input>'.repeat(10_000);
    expect(readClaims(document)).toEqual([]);
  }, 60_000);

  it('survives deep nesting', () => {
    let el: Element = document.body;
    for (let i = 0; i < 3000; i++) el = el.appendChild(document.createElement('div'));
    el.innerHTML = '<label>Proc Code <input id="c" value="D2140"></label><label>Tooth <input id="t" value="3"></label>';
    const claims = readClaims(document);
    expect(claims[0].lines.map((l) => values(l.raw))).toEqual([line({ code: 'D2140', tooth: '3' })]);
    expect(readLineOf(document.getElementById('t')!)?.line.raw.tooth).toBe('3');
  });

  it('goes at most 8 shadow roots deep', () => {
    const nest = (depth: number) => {
      let host: Element = document.body.appendChild(document.createElement('div'));
      for (let i = 0; i < depth; i++) {
        const root = host.attachShadow({ mode: 'open' });
        host = root.appendChild(document.createElement('div'));
      }
      host.innerHTML = `<label>Proc Code <input value="D0${String(depth).padStart(3, '0')}"></label>`;
    };
    nest(3);
    nest(12);
    expect(readClaims(document)[0].lines.map((l) => l.raw.code)).toEqual(['D0003']);
  });

  it('reads duplicate ids, broken tables and unlabelled controls without throwing', () => {
    document.body.innerHTML = `<form>
      <label for="code">Code</label><input id="code" value="D0120"><label for="code">Code</label><input id="code" value="D0140">
      <table><tr><th colspan="0">Tooth</th></tr><td><input value="x"></td><tr><td rowspan="-1"><input></td></tr></table>
      <input><textarea></textarea><select></select><div contenteditable="true"></div>
    </form>`;
    const claims = readClaims(document);
    expect(claims[0].lines.map((l) => l.raw.code)).toEqual(['D0120', 'D0140']);
  });

  it('ignores invalid site selectors', () => {
    document.body.innerHTML = '<label>Code <input id="c" value="D0120"></label>';
    expect(() => readClaims(document, { selectors: { row: '[[[', code: '>>> >>>', tooth: 'a >>> [' } })).not.toThrow();
    expect(readLineOf(document.getElementById('c')!, { selectors: { row: '((' } })).toBeNull();
  });

  it('classifies a few controls a step: a control weighs ten elements, so a step of a row-heavy form holds a dozen, not forty', () => {
    const row = (i: number) => `<tr><td>${i}</td><td><input name="l${i}.code"></td><td><input name="l${i}.tooth"></td><td><input name="l${i}.surf"></td></tr>`;
    document.body.innerHTML = `<table><tbody>${Array.from({ length: 60 }, (_, i) => row(i)).join('')}</tbody></table>`;
    const visited: Element[] = [];
    const perStep: number[] = [0];
    const walk = walkInSteps([document.body], (el) => {
      visited.push(el);
      if (el.localName !== 'input') return 1;
      perStep[perStep.length - 1]++;
      return 10;
    });
    while (!walk.next().done) perStep.push(0);
    // Every element once, in document order; each full step between WALK_STEP / 10 and twice that many controls.
    expect(visited).toEqual([...document.body.querySelectorAll('*')]);
    expect(perStep.slice(0, -1).every((n) => n >= WALK_STEP / 10 - 2 && n <= (WALK_STEP / 10) * 2)).toBe(true);
    expect(perStep.reduce((a, b) => a + b)).toBe(180);
  });
});
