import { SCRIPT_PREFIX, type SyncPlan } from './origin';

/**
 * Registering the content script for a user's site: browser.scripting (Chrome MV3, Firefox 102+), else
 * Firefox MV2's browser.contentScripts, whose registrations last only while the background page lives (the
 * background re-syncs on startup). Thin on purpose: the decisions are in origin.ts.
 */
/**
 * The content script every matching page gets: a loader of a few hundred bytes that asks the background, once the
 * page has loaded, to inject the inline hints (INLINE_HINTS_FILE) into its frame.
 */
export const CONTENT_SCRIPT_FILE = 'content-loader.js';
/** The inline hints themselves (entrypoints/inline-hints), injected by the background with scripting.executeScript. */
export const INLINE_HINTS_FILE = 'inline-hints.js';
/**
 * When the browser runs the loader: at `document_start`, which holds back nothing. Chrome runs a `document_idle`
 * (or `document_end`) content script in a task of its own that holds back the page's load event, and paints the
 * page's first full frame before it: +285 ms on the 300-line claim page, even for an empty script. Evaluating the
 * whole inline-hints script at `document_start` instead delays first paint (+70-100 ms on the portal fixtures);
 * a loader that small costs neither, and the injected script is evaluated after the load event.
 */
export const CONTENT_SCRIPT_RUN_AT = 'document_start' as const;

interface LegacyRegistration {
  unregister(): Promise<void>;
}
const legacy = new Map<string, LegacyRegistration>();

const scripting = () => (browser as { scripting?: typeof browser.scripting }).scripting;
const contentScripts = () =>
  (browser as unknown as { contentScripts?: { register(o: object): Promise<LegacyRegistration> } }).contentScripts;

export async function registeredSiteScripts(): Promise<string[]> {
  const api = scripting();
  if (api?.getRegisteredContentScripts) {
    const all = await api.getRegisteredContentScripts();
    return all.map((s) => s.id).filter((id) => id.startsWith(SCRIPT_PREFIX));
  }
  return [...legacy.keys()];
}

/**
 * The site scripts registered now, as registeredSiteScripts(), after unregistering those an older version of CDT Lens
 * registered with another file or run time than siteScript() gives (Chrome keeps registrations across updates), so
 * that the sync registers them afresh.
 */
export async function currentSiteScripts(): Promise<string[]> {
  const api = scripting();
  if (!api?.getRegisteredContentScripts) return registeredSiteScripts();
  const wanted = siteScript({ id: '', pattern: '' });
  const ours = (await api.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
  const outdated = new Set(ours.filter((s) => s.runAt !== wanted.runAt || s.js?.join() !== wanted.js.join()).map((s) => s.id));
  if (outdated.size) await api.unregisterContentScripts({ ids: [...outdated] });
  return ours.map((s) => s.id).filter((id) => !outdated.has(id));
}

function siteScript({ id, pattern }: SyncPlan['register'][number]) {
  return {
    id,
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    runAt: CONTENT_SCRIPT_RUN_AT,
    persistAcrossSessions: true,
  };
}

export async function applySyncPlan(plan: SyncPlan): Promise<void> {
  const api = scripting();
  if (api?.registerContentScripts) {
    for (const id of plan.unregister) await api.unregisterContentScripts({ ids: [id] }).catch(() => undefined);
    for (const item of plan.register) {
      try {
        await api.registerContentScripts([siteScript(item)]);
      } catch (e) {
        // Another context (popup and background both sync) may have registered it a moment ago.
        if (!(await registeredSiteScripts()).includes(item.id)) throw e;
      }
    }
    return;
  }
  const mv2 = contentScripts();
  if (!mv2) throw new Error('this browser cannot register content scripts');
  for (const id of plan.unregister) {
    await legacy.get(id)?.unregister();
    legacy.delete(id);
  }
  for (const { id, pattern } of plan.register)
    legacy.set(
      id,
      await mv2.register({ matches: [pattern], js: [{ file: CONTENT_SCRIPT_FILE }], allFrames: true, runAt: CONTENT_SCRIPT_RUN_AT }),
    );
}
