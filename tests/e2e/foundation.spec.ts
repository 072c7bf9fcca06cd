import { expect, test } from './fixtures';

test('the content script badges a code typed into a claim line, and leaves the value untouched', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('demo/claim.html'));
  const code = page.getByLabel('29. Procedure code, line 1', { exact: true });
  await code.click();
  await code.pressSequentially('d0120', { delay: 20 });
  const badge = page.locator('cdt-lens-badge[data-code="D0120"]');
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveAttribute('data-severity', /^(ok|info|warning|error)$/);
  await expect(code).toHaveValue('d0120');

  await code.fill('');
  await expect(page.locator('cdt-lens-badge')).toHaveCount(0);
});

test('the popup renders the lookup with its search box and licence note', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('input[type="search"]')).toBeVisible();
  await expect(page.getByRole('listbox')).toBeAttached();
  await expect(page.getByText('licensed CDT manual')).toBeVisible();
});

test('the options page lists the bundled payer profiles', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'CDT Lens settings' })).toBeVisible();
  await expect(page.locator('[data-payer="default"]')).toHaveCount(1);
  await expect(page.locator('[data-payer="delta-dental-ddic"]')).toHaveCount(1);
});
