import { SCRIPT_PREFIX, type SyncPlan } from './origin';

/**
 * Registering the content script for a user's site: browser.scripting (Chrome MV3, Firefox 102+), else
 * Firefox MV2's browser.contentScripts, whose registrations last only while the background page lives (the
 * background re-syncs on startup). Thin on purpose: the decisions are in origin.ts.
 */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/**
 * When Chrome injects the content script: at `document_idle`, after the page is parsed, so its first paint never
 * waits for CDT Lens. Chrome runs an idle script in a task of its own that holds back the load event, so the load
 * event comes after the script's evaluation (and, on a large page, after the first frame). `document_start` would
 * leave the load event alone but put the evaluation before parsing, delaying first paint on every page (measured:
 * +70-100 ms on this project's portal fixtures).
 */
export const CONTENT_SCRIPT_RUN_AT = 'document_idle' as const;

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
