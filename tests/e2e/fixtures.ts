import { type BrowserContext, test as base, type Worker } from '@playwright/test';
import { launchChromium } from '../support/browser';
import { type PageServer, startPageServer } from '../support/server';

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
}

/** Each test gets a fresh Chromium profile with the built extension loaded; the page server is shared per worker. */
export const test = base.extend<ExtensionFixtures, { server: PageServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const server = await startPageServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern.
  context: async ({}, use) => {
    const { context, close } = await launchChromium();
    await use(context);
    await close();
  },
  background: async ({ context }, use) => {
    // Read the existing workers first: the event may already have fired.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
});

export const expect = test.expect;
