import portalMatches from '../../.generated/portal-matches.json';
import { CONTENT_SCRIPT_RUN_AT } from '../../lib/sites/registration';

/**
 * The loader: runs on every matching frame from the start, waits for the page's load event (or three seconds, for
 * a page whose load never ends: a slow image, a long-polling frame), then asks the background to inject the inline
 * hints (entrypoints/inline-hints). Tiny on purpose: Chrome would hold the load event for a `document_idle` script,
 * and evaluating the whole script at `document_start` would delay first paint (lib/sites/registration.ts).
 */
export default defineContentScript({
  matches: portalMatches,
  allFrames: true,
  matchAboutBlank: true,
  runAt: CONTENT_SCRIPT_RUN_AT,
  // WXT announces a script's start with a window message naming the extension's id; the page need not hear it.
  noScriptStartedPostMessage: true,
  main() {
    let asked = false;
    const start = () => {
      if (asked) return;
      asked = true;
      void browser.runtime.sendMessage({ type: 'start-inline-hints' }).catch(() => undefined);
    };
    if (document.readyState === 'complete') return start();
    window.addEventListener('load', start, { once: true });
    setTimeout(start, 3000);
  },
});
