import type { Page } from '@playwright/test';
import { PAGES, writePages } from '../../../bench/pages/generate';
import { type PageServer, startPageServer } from '../../support/server';
import { expect, test } from '../fixtures';

/**
 * The bench's 300-line claim (2,700 controls): more badges than are measured in one frame, so a layout change
 * that moves every line has its badges re-measured a chunk a frame. Every one must end up on its control.
 */
let bench: PageServer;
test.beforeAll(async () => {
  writePages(); // generated, seeded: the same page every run
  bench = await startPageServer(PAGES);
});
test.afterAll(async () => bench?.close());

/** How many code fields hold a code, and how many of those have a badge on their top-right corner (within 12 px). */
const badgesOnCorners = (page: Page) =>
  page.evaluate(() => {
    const badges = [...document.querySelectorAll('cdt-lens-badge')].map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0);
    const fields = [...document.querySelectorAll<HTMLInputElement>('#lines input[name$="[code]"]')].filter((el) => el.value.trim());
    const onCorner = fields.filter((el) => {
      const r = el.getBoundingClientRect();
      return badges.some((b) => Math.hypot(b.left + b.width / 2 - r.right, b.top + b.height / 2 - r.top) <= 12);
    });
    return { fields: fields.length, onCorner: onCorner.length };
  });

test('a layout change that moves all 300 lines of a claim moves every badge with its line, the last one too', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(bench.url('claim-300.html'), { waitUntil: 'load' });
  await expect.poll(async () => (await badgesOnCorners(page)).onCorner, { timeout: 60_000 }).toBeGreaterThan(250);
  const { fields } = await badgesOnCorners(page);
  await expect.poll(async () => (await badgesOnCorners(page)).onCorner, { timeout: 30_000 }).toBe(fields);

  // The page's header grows: nothing is added or removed, every line moves down by 170 px.
  const lastField = page.locator('#lines input[name$="[code]"]').last();
  const before = (await lastField.boundingBox())!.y;
  await page.evaluate(() => (document.body.style.paddingTop = '170px'));
  expect((await lastField.boundingBox())!.y).toBeGreaterThan(before + 160);
  // Within a few frames; 10 s is far more than that, and less than the periodic backstop (50 badges every 3 s)
  // would take to put right 300 badges left behind.
  await expect.poll(async () => (await badgesOnCorners(page)).onCorner, { timeout: 10_000 }).toBe(fields);
});
