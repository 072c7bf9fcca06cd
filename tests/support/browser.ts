import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

/** Chromium to run: CHROMIUM_PATH, then Playwright's own Chromium if installed, then Debian's /usr/bin/chromium. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, safe(() => chromium.executablePath()), '/usr/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH, or run `npx playwright install chromium`, or `sudo apt-get install -y chromium`.',
    );
  return found;
}

function safe(fn: () => string): string | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Flags that let Debian's Chromium load an unpacked extension headless on a machine with no network. */
export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  if (!existsSync(resolve(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e\` first.`);
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface LaunchOptions {
  /** Chromium's flags; by default chromiumArgs(), the e2e build loaded. */
  args?: string[];
  headless?: boolean;
  viewport?: { width: number; height: number };
}

/** Chromium in a fresh temporary profile; close() closes it and deletes the profile. */
export async function launchChromium(options: LaunchOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'cdt-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: options.args ?? chromiumArgs(),
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
