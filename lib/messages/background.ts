import type { Runtime } from 'webextension-polyfill';
import { loadCard } from '../catalog/cards';
import { getTabPayer } from '../settings/tab-payer';
import { injectInlineHints } from '../sites/inject';
import { openFullCard } from './open-card';
import { type BackgroundMessage, isBackgroundMessage } from './types';

export type Message = BackgroundMessage;

/** Answers only this extension's own contexts; anything else is ignored. */
export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || !isBackgroundMessage(message)) return undefined;
  switch (message.type) {
    case 'get-card':
      return loadCard(message.code);
    case 'open-full-card':
      return openFullCard(message.code, sender);
    case 'get-tab-payer':
      return sender.tab?.id === undefined
        ? Promise.resolve({ payerId: null })
        : getTabPayer(sender.tab.id).then((payerId) => ({ payerId }));
    case 'start-inline-hints':
      return injectInlineHints(sender);
  }
}
