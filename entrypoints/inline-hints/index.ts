import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCardPresenter } from '../../components/card/presenter';
import { catalog, lookupCode, ruleTables } from '../../lib/catalog';
import type { FullCode } from '../../lib/catalog/cards';
import { todayIso } from '../../lib/claim/dates';
import { startInlineHints } from '../../lib/inline/controller';
import type { PayerProfile } from '../../lib/payers/schema';
import { effectivePayer, payerForUrl } from '../../lib/payers/resolve';
import { bundledPayers } from '../../lib/settings/bundled';
import { watchPayerFor } from '../../lib/settings/read';

/**
 * The inline hints, injected into a frame by the background once the frame's loader (entrypoints/content-loader.ts)
 * says the page has loaded. An unlisted script, so the page's own load and first paint never wait for it.
 */
export default defineUnlistedScript(async () => {
  // A newer copy (the extension updated under an open page) stops this one through WXT's document event; the
  // page need not hear of it too (WXT's default window message names the extension's id).
  const ctx = new ContentScriptContext('inline-hints', { noScriptStartedPostMessage: true });
  const stop = new AbortController();
  ctx.onInvalidated(() => stop.abort());
  // WXT notices that the extension was reloaded or updated only when it checks; this tick makes it check every
  // second, so an orphaned script takes its badges and card away instead of leaving stale ones behind.
  ctx.setInterval(() => undefined, 1000);
  // Bundled profiles until the stored settings arrive; then the office's own, kept current as they change.
  let payer: PayerProfile = payerForUrl(location.href, bundledPayers());
  const card = await createCardPresenter(ctx, (code) => void browser.runtime.sendMessage({ type: 'open-full-card', code }).catch(() => undefined));
  const hints = startInlineHints(document, {
    signal: stop.signal,
    card,
    today: todayIso,
    context: () => ({ catalog, tables: ruleTables(), payer: effectivePayer(payer) }),
    payerExtras(code) {
      const policy = payer.codes[code];
      return { payerName: payer.name, note: policy?.note, checklist: policy?.checklist };
    },
    loadCard: (code) => browser.runtime.sendMessage({ type: 'get-card', code }) as Promise<FullCode | null>,
    codeStatus: (code) => lookupCode(code, todayIso()).status,
    selectors: () => payer.selectors,
  });
  const unwatch = watchPayerFor(location.href, (resolved) => {
    payer = resolved.profile;
    hints.refresh();
  });
  stop.signal.addEventListener('abort', unwatch);
  // SPA navigation: the location-change event fires before the URL commits; read the page again after it.
  ctx.addEventListener(window, 'wxt:locationchange', () => setTimeout(() => hints.rescan(), 0));
});
