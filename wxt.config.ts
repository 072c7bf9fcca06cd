import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import portalMatches from './.generated/portal-matches.json';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_RUN_AT } from './lib/sites/registration';
import { defineConfig } from 'wxt';

/**
 * `npm run build:e2e` sets CDT_LENS_E2E=1: the production build plus content-script matches and host permissions
 * for local test pages, written to .output/chrome-mv3-e2e/. Nothing else differs from production.
 */
const e2e = process.env.CDT_LENS_E2E === '1';
const E2E_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    name: 'CDT Lens',
    description:
      'Quiet inline hints for CDT procedure codes on payer portals and claim forms, code lookup and per-payer checks. Nothing leaves your browser.',
    // scripting: content scripts for the sites a user turns on; activeTab: the popup reads the current tab's address.
    // scripting also injects the inline hints into portal frames once they have loaded (lib/sites/inject.ts), which
    // needs the portal hosts as host permissions too: the same hosts, and the same install warning, as the loader.
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: portalMatches,
    // The loader (entrypoints/content-loader.ts): a plain unlisted script, so WXT's content-script wrapper does not
    // run before the page is parsed. Every frame, about:blank ones included, of the bundled portals.
    content_scripts: [
      { matches: portalMatches, js: [CONTENT_SCRIPT_FILE], run_at: CONTENT_SCRIPT_RUN_AT, all_frames: true, match_about_blank: true },
    ],
    // Any site can be turned on from the popup or options page; the browser asks for each one.
    optional_host_permissions: browser === 'firefox' ? undefined : ['https://*/*', 'http://*/*'],
    optional_permissions: browser === 'firefox' ? ['https://*/*', 'http://*/*'] : undefined,
    // A dental group's IT pushes settings through enterprise policy (README: "Managing CDT Lens for a dental group").
    storage: { managed_schema: 'managed-schema.json' },
    action: { default_title: 'CDT Lens' },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        : {
            extension_pages:
              "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'cdt-lens@cdt-lens.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!e2e) return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...E2E_MATCHES];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...E2E_MATCHES];
    },
    'build:publicAssets': (_wxt, files) => {
      const dir = resolve(import.meta.dirname, '.generated/public');
      for (const name of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!name.isFile()) continue;
        const absolute = resolve(name.parentPath, name.name);
        files.push({ relativeDest: absolute.slice(dir.length + 1), contents: readFileSync(absolute, 'utf8') });
      }
    },
    // The scripts that run in pages, the loader and the inline hints, are unlisted scripts. The inline hints have a
    // 40 KB budget and call only promise-returning APIs that Chrome (MV3) and Firefox provide natively
    // (runtime.sendMessage, storage get and onChanged), so they take the browser's own `browser`/`chrome` object
    // instead of the polyfill's wrapper (6 KB gzipped). Extension pages and the background keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'unlisted-script')) return;
      // WXT's content-script UI module imports @1natsu/wait-element for autoMount, which is never used here. The
      // payer profiles' provenance is shown on the settings page only.
      const aliases = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        { find: /^@1natsu\/wait-element(\/detectors)?$/, replacement: resolve(import.meta.dirname, 'entrypoints/inline-hints/no-auto-mount.ts') },
        { find: /^.*\/\.generated\/payers\.json$/, replacement: resolve(import.meta.dirname, '.generated/payers-inline.json') },
      ];
      const current = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(current) ? [...aliases, ...current] : [...aliases, ...Object.entries(current ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
});
