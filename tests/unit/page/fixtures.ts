import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PORTALS_DIR = resolve(import.meta.dirname, '../../e2e/pages/portals');

export const PORTAL_PAGES = [
  'aspnet-table.html',
  'react-grid.html',
  'fieldset-iframe.html',
  'web-components.html',
  'select-pickers.html',
  'ada-css-grid.html',
  'remarks-contenteditable.html',
  'dynamic-lines.html',
] as const;

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(PORTALS_DIR, name), 'utf8');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Loads a fixture page into the test document and runs its inline scripts, as a browser would at the end of
 * parsing. happy-dom does not evaluate page scripts or fetch iframe files, so the loader does both: scripts run in
 * the test's global scope (where happy-dom's window lives) and an iframe's file is inlined as srcdoc.
 */
export async function loadFixture(name: string): Promise<Document> {
  let html = fixtureHtml(name);
  html = html.replace(/<iframe([^>]*?)\ssrc="([^"]+\.html)"/g, (_, attrs: string, file: string) => {
    return `<iframe${attrs} srcdoc="${escapeAttr(fixtureHtml(file))}"`;
  });
  const inner = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  document.documentElement.innerHTML = inner;
  for (const script of Array.from(document.querySelectorAll('script'))) {
    new Function(script.textContent ?? '')();
  }
  const frames = Array.from(document.querySelectorAll('iframe'));
  for (const frame of frames) await frameLoaded(frame);
  return document;
}

async function frameLoaded(frame: HTMLIFrameElement): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (frame.contentDocument?.body?.childElementCount) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('iframe did not load');
}

/** Types into a control the way a person does: sets the value and fires input and change. */
export function typeInto(control: Element | null | undefined, value: string): void {
  if (!control) throw new Error('no control to type into');
  (control as HTMLInputElement).value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}
