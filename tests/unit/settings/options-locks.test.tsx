// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PayerEditor } from '../../../components/options/PayerEditor';
import { bundledPayers } from '../../../lib/settings/bundled';
import { locksFor, parseManagedPolicy } from '../../../lib/settings/managed';
import { mergePayers } from '../../../lib/settings/merge';

const managed = parseManagedPolicy({
  payers: { default: { rules: { 'prior-auth': 'error' }, note: 'Group note' } },
  addedPayers: [{ id: 'group-plan', name: 'Group Plan', kind: 'payer' }],
});

function renderEditor(id: string) {
  const display = mergePayers(bundledPayers(), undefined, managed).find((p) => p.id === id)!;
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <PayerEditor
      display={display}
      locks={locksFor(id, managed)}
      bundled={bundledPayers().find((p) => p.id === id)}
      changed={false}
      onChange={() => undefined}
      onReset={() => undefined}
      onRemove={() => undefined}
      onExport={() => undefined}
      confirm={async () => false}
    />,
    root,
  );
  return root;
}

describe('the options page shows managed values locked', () => {
  it('disables exactly the controls the policy sets, with a lock label, showing the managed value', () => {
    const root = renderEditor('default');
    const priorAuth = root.querySelector<HTMLSelectElement>('#rule-prior-auth')!;
    expect(priorAuth.disabled).toBe(true);
    expect(priorAuth.value).toBe('error');
    expect(priorAuth.closest('td')?.textContent).toContain('Set by your group');
    expect(root.querySelector<HTMLSelectElement>('#rule-by-report')!.disabled).toBe(false);
    const note = root.querySelector<HTMLTextAreaElement>('#payer-note')!;
    expect(note.disabled).toBe(true);
    expect(note.value).toBe('Group note');
    expect(root.querySelector<HTMLInputElement>('#payer-name')!.disabled).toBe(false);
  });

  it('locks a payer the group added as a whole, and offers no way to remove it', () => {
    const root = renderEditor('group-plan');
    expect(root.querySelector<HTMLInputElement>('#payer-name')!.disabled).toBe(true);
    expect([...root.querySelectorAll<HTMLSelectElement>('select[id^="rule-"]')].every((s) => s.disabled)).toBe(true);
    expect(root.textContent).toContain('added by your group');
    expect(root.textContent).not.toContain('Remove this payer');
  });
});
