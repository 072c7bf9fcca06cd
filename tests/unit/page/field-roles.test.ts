// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FieldRole,
  fieldLabelText,
  fieldRole,
  fieldRoleInfo,
  forgetFieldRoles,
  identifierField,
  identifierWords,
  labelWords,
  roleOfWords,
} from '../../../lib/page/field-roles';
import { walkComposed } from '../../../lib/page/dom';
import { trackCount } from '../../../lib/page/labels';

const ROLES: FieldRole[] = ['code', 'tooth', 'toothSystem', 'surface', 'area', 'date', 'quantity', 'fee', 'birthDate', 'other'];

function render(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Renders html and returns the role and label text of #x. */
function roleIn(html: string, selector = '#x'): { role: FieldRole; label: string } {
  const el = render(html).querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return { role: fieldRole(el), label: fieldLabelText(el) };
}

afterEach(() => {
  document.body.innerHTML = '';
  forgetFieldRoles();
});

describe('ADA claim form item labels', () => {
  it.each<[string, FieldRole]>([
    ['24. Procedure Date', 'date'],
    ['25. Area of Oral Cavity', 'area'],
    ['26. Tooth System', 'toothSystem'],
    ['27. Tooth Number(s) or Letter(s)', 'tooth'],
    ['28. Tooth Surface', 'surface'],
    ['29. Procedure Code', 'code'],
    ['29b. Qty', 'quantity'],
    ['29a. Diag. Pointer', 'other'],
    ['30. Description', 'other'],
    ['31. Fee', 'fee'],
    ['21. Date of birth', 'birthDate'],
    ['35. Remarks', 'other'],
    ['29.', 'code'],
    ['27', 'tooth'],
  ])('%j is %s', (label, role) => {
    expect(roleIn(`<label for="x">${label}</label><input id="x">`)).toEqual({ role, label });
  });
});

describe('portal wording', () => {
  it.each<[string, FieldRole]>([
    ['CDT Code', 'code'],
    ['Proc Cd', 'code'],
    ['Proc Code', 'code'],
    ['Procedure', 'code'],
    ['Service Code', 'code'],
    ['Service', 'code'],
    ['Code', 'code'],
    ['Tooth #', 'tooth'],
    ['Tooth', 'tooth'],
    ['Th', 'tooth'],
    ['Tooth No.', 'tooth'],
    ['Surf', 'surface'],
    ['Surface(s)', 'surface'],
    ['Surfaces', 'surface'],
    ['Quad/Arch', 'area'],
    ['Area', 'area'],
    ['Quadrant', 'area'],
    ['Arch', 'area'],
    ['Tooth Sys', 'toothSystem'],
    ['DOS', 'date'],
    ['Service Date', 'date'],
    ['Date of Service', 'date'],
    ['Svc Dt', 'date'],
    ['Date', 'date'],
    ['Qty', 'quantity'],
    ['Units', 'quantity'],
    ['Quantity', 'quantity'],
    ['Fee', 'fee'],
    ['Charge ($)', 'fee'],
    ['Billed Amount', 'fee'],
    ['DOB', 'birthDate'],
    ['Birth Date', 'birthDate'],
    ['Patient Date of Birth', 'birthDate'],
    ['Member DOB', 'birthDate'],
  ])('%j is %s, in any case and spacing', (label, role) => {
    expect(roleIn(`<label for="x">${label}</label><input id="x">`).role).toBe(role);
    expect(roleIn(`<label for="x">  ${label.toUpperCase()}  </label><input id="x">`).role).toBe(role);
    expect(roleIn(`<label for="x">${label.toLowerCase().replace(/ /g, '   ')}:</label><input id="x">`).role).toBe(role);
  });
});

describe('claim-level and other fields are never a line field', () => {
  it.each([
    'Member ID',
    'Member #',
    'Subscriber ID',
    'Policyholder/Subscriber ID',
    'Claim Number',
    'Claim #',
    'Claim No.',
    'NPI',
    'Billing NPI',
    'Phone',
    'Office Phone',
    'Fax',
    'Patient Name',
    'First name',
    'Last name',
    'Group number',
    'Diagnosis code',
    'Place of service code',
    'Zip code',
    'Subscriber DOB',
    'Prior authorization #',
    'Narrative',
  ])('%j is other', (label) => {
    expect(roleIn(`<label for="x">${label}</label><input id="x" value="XD0150">`).role).toBe('other');
  });

  it.each(['member_id', 'memberId', 'subscriberID', 'claimNumber', 'claim_no', 'npi', 'billingNpi', 'phoneNumber', 'patientName', 'pat_first_name', 'ctl00$MainContent$txtMemberId'])(
    'name %j is other',
    (name) => {
      expect(roleIn(`<input id="x" name="${name}" value="XD0150">`).role).toBe('other');
    },
  );

  it('a fee is a fee, not a code', () => {
    expect(roleIn('<input id="x" name="lines[0].fee">').role).toBe('fee');
    expect(roleIn('<input id="x" aria-label="31. Fee">').role).toBe('fee');
  });

  it('hidden, password, checkbox and button inputs are other whatever their label', () => {
    for (const type of ['hidden', 'password', 'checkbox', 'submit', 'button']) {
      expect(roleIn(`<label for="x">Procedure Code</label><input id="x" type="${type}">`).role).toBe('other');
    }
    expect(roleIn('<button id="x" aria-label="Procedure code">Go</button>').role).toBe('other');
  });

  it('a control with no label at all is other, with no label text', () => {
    expect(roleIn('<div><input id="x"></div>')).toEqual({ role: 'other', label: '' });
  });
});

describe('signals', () => {
  it('reads a wrapping label, without the text of the controls inside it', () => {
    const { role, label } = roleIn('<label>Tooth # <input id="x" value="D0120 Procedure code"><select><option>Code</option></select></label>');
    expect(role).toBe('tooth');
    expect(label).toBe('Tooth #');
  });

  it('reads aria-label', () => {
    expect(roleIn('<input id="x" aria-label="Surface(s), line 3">')).toEqual({ role: 'surface', label: 'Surface(s), line 3' });
  });

  it('reads aria-labelledby, joining every element it names', () => {
    expect(roleIn('<span id="h">Quad/Arch</span><span id="r">Line 2</span><input id="x" aria-labelledby="h r">')).toEqual({
      role: 'area',
      label: 'Quad/Arch Line 2',
    });
  });

  it('reads aria-labelledby inside a shadow root against that root', () => {
    const host = render('<div id="host"></div>').querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="lbl">Proc Code</span><input id="x" aria-labelledby="lbl">';
    const input = root.querySelector('#x')!;
    expect(fieldRole(input)).toBe('code');
    expect(fieldLabelText(input)).toBe('Proc Code');
  });

  it('reads title and placeholder', () => {
    expect(roleIn('<input id="x" title="Units">').role).toBe('quantity');
    expect(roleIn('<input id="x" placeholder="MM/DD/CCYY">').role).toBe('date');
    expect(roleIn('<input id="x" placeholder="e.g. D0120">').role).toBe('code');
    expect(roleIn('<input id="x" placeholder="e.g. XD0150">').role).toBe('other');
  });

  it.each<[string, FieldRole]>([
    ['toothNumber', 'tooth'],
    ['tooth_number', 'tooth'],
    ['TOOTH_NBR', 'tooth'],
    ['procedureCode', 'code'],
    ['procedure_code', 'code'],
    ['svc[0][tooth]', 'tooth'],
    ['svc[12][surface]', 'surface'],
    ['svc[0][system]', 'toothSystem'],
    ['svc[0][qty]', 'quantity'],
    ['serviceLines[2].toothNumber', 'tooth'],
    ['serviceLines[2].areaOfOralCavity', 'area'],
    ['ctl00$MainContent$gvLines$ctl03$txtProcCd', 'code'],
    ['ctl00$MainContent$gvLines$ctl03$txtSurf', 'surface'],
    ['ctl00$MainContent$gvLines$ctl03$txtDOS', 'date'],
    ['ctl00$MainContent$gvLines$ctl03$txtTooth', 'tooth'],
    ['line_3_code', 'code'],
    ['code_3', 'code'],
    ['procCode1', 'code'],
    ['toothList[0].procCode', 'code'],
    ['procedures[1].toothSystem', 'toothSystem'],
    ['patientDob', 'birthDate'],
    ['patient_dob', 'birthDate'],
    ['date_of_service', 'date'],
    ['dtService', 'date'],
  ])('reads the name %j as %s', (name, role) => {
    expect(roleIn(`<input id="x" name="${name}">`).role).toBe(role);
  });

  it('reads ASP.NET ids (underscores) and select controls', () => {
    const html = '<select id="ctl00_MainContent_gvLines_ctl02_ddlArea"><option value="">--</option><option value="10">UR</option></select>';
    expect(roleIn(html, 'select').role).toBe('area');
  });

  it('splits identifiers into words', () => {
    expect(identifierWords('ctl00$MainContent$gvLines$ctl02$txtProcCd')).toBe('main content gv lines proc cd');
    expect(identifierWords('serviceLines[2].toothNumber')).toBe('service lines tooth number');
    expect(identifierField('svc[0][tooth]')).toBe('tooth');
    expect(identifierField('code_3')).toBe('code');
    expect(identifierField('patient_dob')).toBeNull();
    expect(labelWords('Tooth #')).toBe('tooth number');
  });

  it('reads the text just before an unlabelled control', () => {
    expect(roleIn('<div><span class="cap">27. Tooth Number(s)</span><input id="x" name="f27"></div>').role).toBe('tooth');
    expect(roleIn('<table><tr><td>Proc Cd:</td><td><input id="x"></td></tr></table>').role).toBe('code');
    expect(roleIn('<p>Surf <input id="x"></p>').role).toBe('surface');
  });

  it('prefers an explicit label to the name', () => {
    expect(roleIn('<label for="x">Tooth</label><input id="x" name="code">').role).toBe('tooth');
  });

  it('treats a select of procedure codes as a code picker, however it is labelled', () => {
    const html = '<select id="x" name="lines[0].procedureId"><option value="">--</option><option value="1040">D0120 - Check-up exam</option><option value="1043">D0140 - Limited exam</option></select>';
    expect(roleIn(html)).toEqual({ role: 'code', label: '' });
    expect(roleIn(`<label for="x">Procedure name</label>${html}`)).toEqual({ role: 'code', label: 'Procedure name' });
  });

  it('reads contenteditable boxes and textareas', () => {
    expect(roleIn('<div id="x" contenteditable="true" aria-label="35. Remarks">D7210 on #30</div>').role).toBe('other');
    expect(roleIn('<label for="x">Procedure codes</label><textarea id="x"></textarea>').role).toBe('code');
  });
});

describe('table column headers', () => {
  it('reads the th above the cell', () => {
    const html = `<table><thead><tr><th>Ln</th><th>Proc Cd</th><th>Tooth</th><th>Surf</th><th>Quad/Arch</th><th>DOS</th></tr></thead>
      <tbody><tr><td>1</td><td><input id="c"></td><td><input id="t"></td><td><input id="s"></td><td><select id="a"></select></td><td><input id="d"></td></tr></tbody></table>`;
    render(html);
    const roles = ['c', 't', 's', 'a', 'd'].map((id) => fieldRole(document.getElementById(id)!));
    expect(roles).toEqual(['code', 'tooth', 'surface', 'area', 'date']);
    expect(fieldLabelText(document.getElementById('c')!)).toBe('Proc Cd');
  });

  it('reads a header row inside tbody (ASP.NET GridView) and skips it when it is the control’s own row', () => {
    render(`<table><tr><th scope="col">Service Code</th><th scope="col">Th</th></tr>
      <tr><td><input id="c"></td><td><input id="t"></td></tr></table>`);
    expect(fieldRole(document.getElementById('c')!)).toBe('code');
    expect(fieldRole(document.getElementById('t')!)).toBe('tooth');
  });

  it('honours colspan in the header and in the row', () => {
    render(`<table><thead><tr><th colspan="2">Line</th><th>CDT Code</th><th>Tooth #</th><th>Qty</th></tr></thead>
      <tbody><tr><td colspan="2">1</td><td><input id="c"></td><td><input id="t"></td><td><input id="q"></td></tr></tbody></table>`);
    expect(['c', 't', 'q'].map((id) => fieldRole(document.getElementById(id)!))).toEqual(['code', 'tooth', 'quantity']);
  });

  it('joins grouped header rows with rowspan and colspan ("Tooth" over "Number" and "Surface")', () => {
    render(`<table><thead>
        <tr><th rowspan="2">Procedure</th><th colspan="2">Tooth</th><th rowspan="2">Service Date</th></tr>
        <tr><th>Number</th><th>Surface</th></tr>
      </thead><tbody><tr><td><input id="p"></td><td><input id="n"></td><td><input id="s"></td><td><input id="d"></td></tr></tbody></table>`);
    expect(['p', 'n', 's', 'd'].map((id) => fieldRole(document.getElementById(id)!))).toEqual(['code', 'tooth', 'surface', 'date']);
    expect(fieldLabelText(document.getElementById('s')!)).toBe('Tooth Surface');
  });

  it('survives broken tables', () => {
    render(`<table><tr><th colspan="-4">Proc</th><th rowspan="99999" colspan="abc">Tooth</th></tr>
      <tr><td colspan="1e9"><input id="a"></td><td><input id="b"></td></tr></table>`);
    expect(ROLES).toContain(fieldRole(document.getElementById('a')!));
    expect(ROLES).toContain(fieldRole(document.getElementById('b')!));
  });
});

describe('ARIA grids', () => {
  it('reads role=columnheader by the cell index', () => {
    render(`<div role="grid"><div role="row"><div role="columnheader">#</div><div role="columnheader">CDT Code</div><div role="columnheader">Tooth #</div></div>
      <div role="row"><div role="rowheader">1</div><div role="gridcell"><input id="c"></div><div role="gridcell"><span><input id="t"></span></div></div></div>`);
    expect(fieldRole(document.getElementById('c')!)).toBe('code');
    expect(fieldRole(document.getElementById('t')!)).toBe('tooth');
    expect(fieldLabelText(document.getElementById('t')!)).toBe('Tooth #');
  });

  it('matches aria-colindex when the grid virtualises columns', () => {
    render(`<div role="grid"><div role="row"><div role="columnheader" aria-colindex="7">Surf</div><div role="columnheader" aria-colindex="9">Units</div></div>
      <div role="row"><div role="gridcell" aria-colindex="9"><input id="u"></div><div role="gridcell" aria-colindex="7"><input id="s"></div></div></div>`);
    expect(fieldRole(document.getElementById('u')!)).toBe('quantity');
    expect(fieldRole(document.getElementById('s')!)).toBe('surface');
  });

  it('reads role=table / role=cell too', () => {
    render(`<div role="table"><div role="row"><span role="columnheader">DOS</span></div><div role="row"><span role="cell"><input id="d"></span></div></div>`);
    expect(fieldRole(document.getElementById('d')!)).toBe('date');
  });
});

describe('CSS grids', () => {
  it('counts grid tracks', () => {
    expect(trackCount('28px 104px 60px')).toBe(3);
    expect(trackCount('repeat(7, 1fr)')).toBe(7);
    expect(trackCount('40px repeat(2, minmax(0, 1fr) 2fr) [end] 10px')).toBe(6);
    expect(trackCount('none')).toBe(0);
  });

  it('matches a flat grid’s header cells by column index', () => {
    render(`<style>.g { display: grid; grid-template-columns: 30px repeat(3, 1fr); }</style>
      <div class="g"><div>#</div><div>29. Procedure Code</div><div>27. Tooth Number(s) or Letter(s)</div><div>28. Tooth Surface</div>
      <div>1</div><div><input id="c0"></div><div><input id="t0"></div><div><input id="s0"></div>
      <div>2</div><div><input id="c1"></div><div><input id="t1"></div><div><input id="s1"></div></div>`);
    expect(['c0', 't0', 's0', 'c1', 't1', 's1'].map((id) => fieldRole(document.getElementById(id)!))).toEqual([
      'code',
      'tooth',
      'surface',
      'code',
      'tooth',
      'surface',
    ]);
    expect(fieldLabelText(document.getElementById('t1')!)).toBe('27. Tooth Number(s) or Letter(s)');
  });

  it('matches a header row above one grid per line', () => {
    render(`<style>.r { display: grid; grid-template-columns: 1fr 1fr 1fr; }</style>
      <div><div class="r"><span>DOS</span><span>Service Code</span><span>Qty</span></div>
      <div class="r"><span><input id="d"></span><span><input id="c"></span><span><input id="q"></span></div></div>`);
    expect(['d', 'c', 'q'].map((id) => fieldRole(document.getElementById(id)!))).toEqual(['date', 'code', 'quantity']);
  });

  it('matches by horizontal overlap when the page has layout (headers reordered visually)', () => {
    render(`<style>.g { display: grid; grid-template-columns: 1fr 1fr; }</style>
      <div class="g"><div id="h0">Tooth</div><div id="h1">Proc Code</div><div id="cell0"><input id="a"></div><div id="cell1"><input id="b"></div></div>`);
    const box = (left: number) => ({ left, right: left + 100, top: 0, bottom: 20, width: 100, height: 20, x: left, y: 0, toJSON: () => ({}) }) as DOMRect;
    // The headers are drawn in the opposite order to the DOM (CSS order): overlap, not index, decides.
    document.getElementById('h0')!.getBoundingClientRect = () => box(100);
    document.getElementById('h1')!.getBoundingClientRect = () => box(0);
    document.getElementById('cell0')!.getBoundingClientRect = () => box(0);
    document.getElementById('cell1')!.getBoundingClientRect = () => box(100);
    expect(fieldRole(document.getElementById('a')!)).toBe('code');
    expect(fieldRole(document.getElementById('b')!)).toBe('tooth');
  });
});

describe('cache', () => {
  it('keeps a role until the caller forgets it', () => {
    const input = render('<input id="x" aria-label="Tooth">').querySelector('#x')!;
    expect(fieldRole(input)).toBe('tooth');
    input.setAttribute('aria-label', 'Proc Code');
    expect(fieldRole(input)).toBe('tooth');
    forgetFieldRoles(input);
    expect(fieldRole(input)).toBe('code');
    input.setAttribute('aria-label', 'Surf');
    forgetFieldRoles();
    expect(fieldRoleInfo(input)).toEqual({ role: 'surface', label: 'Surf', source: 'aria-label' });
  });
});

describe('labels found by their for attribute', () => {
  it('follow labels the page adds, replaces and points elsewhere, without searching the page per control', () => {
    // Labels after their controls, so no text before a control tells its role.
    render('<div><input id="x"></div><div><input id="y"></div><footer></footer>');
    const x = document.getElementById('x')!;
    expect(fieldRole(x)).toBe('other');
    document.querySelector('footer')!.innerHTML = '<label for="x">Tooth</label>';
    forgetFieldRoles();
    expect(fieldRole(x)).toBe('tooth');
    // Replaced by another label: the number of labels stays the same.
    document.querySelector('label')!.outerHTML = '<label for="x">Surface</label>';
    forgetFieldRoles();
    expect(fieldRole(x)).toBe('surface');
    document.querySelector('label')!.setAttribute('for', 'y');
    forgetFieldRoles();
    expect(fieldRole(x)).toBe('other');
    expect(fieldRole(document.getElementById('y')!)).toBe('surface');
  });

  it('read a wrapping label too', () => {
    expect(roleIn('<label><input id="x"> Tooth</label>')).toEqual({ role: 'tooth', label: 'Tooth' });
  });
});

describe('site selectors', () => {
  it('win over the heuristics, both ways', () => {
    render('<input id="search" aria-label="Code lookup"><input id="a" aria-label="Procedure code"><input id="b" class="proc" aria-label="Tooth">');
    const selectors = { code: '.proc' };
    expect(fieldRole(document.getElementById('b')!, selectors)).toBe('code');
    expect(fieldRole(document.getElementById('a')!, selectors)).toBe('other');
    expect(fieldRole(document.getElementById('a')!)).toBe('code');
  });

  it('cross into a shadow root with >>>', () => {
    const host = render('<claim-line id="h"></claim-line><input id="outside" class="t">').querySelector('#h')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<input class="t" aria-label="Code">';
    const inner = host.shadowRoot!.querySelector('input')!;
    const selectors = { tooth: 'claim-line >>> input.t' };
    expect(fieldRole(inner, selectors)).toBe('tooth');
    expect(fieldRole(document.getElementById('outside')!, selectors)).toBe('other');
  });

  it('cross into a same-origin iframe with >>>', async () => {
    render('<iframe id="f" srcdoc="<input class=dt>"></iframe>');
    const frame = document.getElementById('f') as HTMLIFrameElement;
    for (let i = 0; i < 100 && !frame.contentDocument?.querySelector('input'); i++) await new Promise((r) => setTimeout(r, 10));
    const inner = frame.contentDocument!.querySelector('input')!;
    // happy-dom has no frameElement: the walk that enters the frame tells where its document lives.
    walkComposed(document, () => undefined);
    expect(fieldRole(inner, { date: '#f >>> .dt' })).toBe('date');
    expect(fieldRole(inner, { date: '#other >>> .dt' })).not.toBe('date');
  });

  it('ignore invalid selectors', () => {
    const input = render('<input id="x" aria-label="Surf">').querySelector('#x')!;
    expect(fieldRole(input, { code: '[[[', tooth: '>>>', area: '' })).toBe('surface');
  });
});

describe('properties', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme-ascii', maxLength: 400 }), fc.constantFrom('', '#', '$', 'ctl00$x$ctl02$', '[0]', 'D0120', '29.', '>>>'));

  it('classifies any label, name, id, placeholder, title and aria text without throwing', () => {
    fc.assert(
      fc.property(text, text, text, text, text, text, (label, name, id, placeholder, title, aria) => {
        document.body.textContent = '';
        const wrap = document.createElement('label');
        wrap.textContent = label;
        const input = document.createElement('input');
        input.setAttribute('name', name);
        input.setAttribute('id', id);
        input.setAttribute('placeholder', placeholder);
        input.setAttribute('title', title);
        input.setAttribute('aria-label', aria);
        input.setAttribute('aria-labelledby', id);
        wrap.append(input);
        document.body.append(wrap);
        expect(ROLES).toContain(fieldRole(input));
        expect(typeof fieldLabelText(input)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('maps any words, even huge ones, to a role or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const role = roleOfWords(labelWords(s));
        expect(role === null || ROLES.includes(role)).toBe(true);
        identifierWords(s);
        identifierField(s);
      }),
    );
    expect(roleOfWords(labelWords('Tooth '.repeat(20_000)))).toBe('tooth');
  });
});
