import { INLINE_HINTS_FILE } from './registration';

/** Who asked: a frame of a tab (Chrome also names the document, so a frame that navigated meanwhile is skipped). */
export interface FrameSender {
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

/**
 * Injects the inline hints into the frame whose loader asked for them. The browser checks the host permission (the
 * portal hosts in the manifest, or a site the user turned on); a frame that is gone or not permitted gets nothing.
 * Resolves to whether the script was injected.
 */
export async function injectInlineHints(sender: FrameSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId === undefined) return false;
  const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId] };
  try {
    await browser.scripting.executeScript({ target, files: [INLINE_HINTS_FILE], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}
