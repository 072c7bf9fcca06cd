// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageLine } from '../../../lib/page/claim-reader';
import { PageState } from '../../../lib/inline/state';

let rowSerial = 0;
function lineOf(row: Element): PageLine {
  const id = row.getAttribute('data-id') ?? String(++rowSerial);
  row.setAttribute('data-id', id);
  const code = row.querySelector('input')!;
  return { id, row, controls: { code }, raw: { id, code: code.value } };
}

function newRow(code: string): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.innerHTML = `<td><input value="${code}"></td>`;
  return row;
}

describe('the lines known for a claim', () => {
  it('stay in the page order of their rows as rows are re-rendered, added and removed', () => {
    type Op = { kind: 'rerender' | 'add' | 'remove'; at: number; count: number };
    const op = fc.record({ kind: fc.constantFrom<Op['kind']>('rerender', 'add', 'remove'), at: fc.nat(60), count: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.array(op, { minLength: 1, maxLength: 5 }), { maxLength: 12 }), (size, batches) => {
        document.body.innerHTML = '<table><tbody></tbody></table>';
        const tbody = document.querySelector('tbody')!;
        for (let i = 0; i < size; i++) tbody.append(newRow(`D0${100 + i}`));
        const pageState = new PageState(() => '2026-06-15');
        const rows = () => [...tbody.children];
        const claim = pageState.setClaim({ id: 'c', root: document, lines: rows().map(lineOf), claimDate: null, patientBirthDate: null });
        for (const batch of batches) {
          // The page changes several rows, then the batch is applied as the controller does: drops, then new rows.
          const added: Element[] = [];
          for (const { kind, at, count } of batch) {
            const here = rows();
            const start = here.length ? at % here.length : 0;
            for (let k = 0; k < count; k++) {
              const row = rows()[start];
              if (kind === 'add' || !row) {
                const fresh = newRow('D1110');
                tbody.insertBefore(fresh, row ?? null);
                added.push(fresh);
              } else if (kind === 'rerender') {
                const fresh = newRow('D2391');
                row.replaceWith(fresh);
                added.push(fresh);
              } else row.remove();
            }
          }
          pageState.dropDetached(claim);
          for (const row of added) if (row.isConnected) pageState.putLine(claim, lineOf(row));
          expect(claim.page.lines.map((l) => l.row)).toEqual(rows());
        }
      }),
      { numRuns: 150 },
    );
  });
});
