import type { Runtime } from 'webextension-polyfill';
import { loadCard } from '../catalog/cards';

/** Messages the extension's own pages and content scripts send to the background. */
export type Message = { type: 'get-card'; code: string };

function isMessage(m: unknown): m is Message {
  return (
    typeof m === 'object' && m !== null && (m as Message).type === 'get-card' && typeof (m as Message).code === 'string'
  );
}

/** Answers only this extension's own contexts; anything else is ignored. */
export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
  return loadCard(message.code);
}
