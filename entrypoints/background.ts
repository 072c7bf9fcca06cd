import { handleMessage } from '../lib/messages/background';
import { listenForSettingsEvents } from '../lib/settings/lifecycle';

// MV3 service workers stop when idle: no state in globals; listeners registered at top level.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  listenForSettingsEvents();
});
