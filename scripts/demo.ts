/**
 * `npm start`: serves the demo claim page on localhost and opens Chromium with the built extension on it.
 * With no display (no DISPLAY, or --headless) it runs headless, types a few claim lines, writes demo.png and
 * prints a one-line summary, then exits.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../tests/support/browser';
import { startPageServer } from '../tests/support/server';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const screenshot = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'demo.png');

/** Lines a billing specialist might type, including a few mistakes for CDT Lens to catch. */
const DEMO_LINES = [
  { code: 'D0120', date: '11/02/2026' },
  { code: 'D0274', date: '11/02/2026' },
  { code: 'D1110', date: '11/02/2026' },
  { code: 'D2392', tooth: '30', surface: 'MODB', date: '11/02/2026' },
  { code: 'D1352', tooth: '3', surface: 'O', date: '11/02/2026' },
  { code: 'D4341', date: '11/02/2026' },
];

async function main() {
  const server = await startPageServer();
  const { context, close } = await launchChromium({ headless, viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url('demo/claim.html'));

  if (!headless) {
    console.log(
      `CDT Lens demo: ${server.url('demo/claim.html')} is open in Chromium with the extension. Close the window to stop.`,
    );
    await new Promise<void>((done) => context.on('close', () => done()));
    await close();
    await server.close();
    return;
  }

  for (const [i, line] of DEMO_LINES.entries()) {
    const n = i + 1;
    await page.getByLabel(`24. Procedure date, line ${n}`, { exact: true }).pressSequentially(line.date);
    if (line.tooth)
      await page
        .getByLabel(`27. Tooth number(s) or letter(s), line ${n}`, { exact: true })
        .pressSequentially(line.tooth);
    if (line.surface)
      await page.getByLabel(`28. Tooth surface, line ${n}`, { exact: true }).pressSequentially(line.surface);
    await page.getByLabel(`29. Procedure code, line ${n}`, { exact: true }).pressSequentially(line.code, { delay: 15 });
  }
  await page.getByLabel('29. Procedure code, line 4', { exact: true }).focus();
  const badges = page.locator('cdt-lens-badge');
  await badges.nth(DEMO_LINES.length - 1).waitFor({ state: 'attached', timeout: 10_000 });
  // The card opens once the focused field has been still for a moment; then it is placed in the next frame.
  await page.locator('cdt-lens-card').waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshot, fullPage: false });

  const severities = await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity') ?? '?'));
  const counts = severities.reduce<Record<string, number>>((acc, s) => {
    acc[s] = (acc[s] ?? 0) + 1;
    return acc;
  }, {});
  const summary = Object.entries(counts)
    .map(([s, c]) => `${c} ${s}`)
    .join(', ');
  console.log(
    `CDT Lens demo: typed ${DEMO_LINES.length} claim lines, ${severities.length} badges (${summary}); screenshot: ${screenshot}`,
  );
  await close();
  await server.close();
}

main().catch((e) => {
  console.error(`CDT Lens demo failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
