/**
 * The content script every matching frame gets (declared in wxt.config.ts): it runs from the start, waits for the
 * page's load event and the frame after it (or three seconds, for a page whose load never ends: a slow image, a
 * long-polling frame), then asks the background to inject the inline hints (entrypoints/inline-hints).
 *
 * A few lines of plain script, without WXT's content-script wrapper or `browser` import: both touch the extension
 * API as soon as they are evaluated, which costs milliseconds before the page is parsed. Chrome would hold the load
 * event for a `document_idle` script, and evaluating the whole inline hints at `document_start` would delay first
 * paint (lib/sites/registration.ts).
 */
export default defineUnlistedScript(() => {
  let asked = false;
  const start = () => {
    if (asked) return;
    asked = true;
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    void api.runtime.sendMessage({ type: 'start-inline-hints' }).catch(() => undefined);
  };
  // After the frame that follows the load event is painted: a small page often paints first after its load.
  const afterNextPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
  if (document.readyState === 'complete') afterNextPaint();
  else window.addEventListener('load', afterNextPaint, { once: true });
  setTimeout(start, 3000);
});
