/**
 * The settings schema version this build writes. Kept apart from schema.ts so the content script can check a
 * stored object's version without importing zod. Raise it only together with a new file in migrations/.
 */
export const SETTINGS_VERSION = 1;

/** Storage keys (WXT storage form "area:key"). */
export const SETTINGS_KEY = 'local:settings';
export const RECOVERED_KEY = 'local:settingsRecovered';

/** Object keys that must never come from outside: they reach Object.prototype in careless code. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
