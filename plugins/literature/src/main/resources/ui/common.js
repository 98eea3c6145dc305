// What the literature plugin's UI modules share: the plugin's own catalogues (namespace "literature", served from this
// jar's ui/i18n folder) and its stylesheet, both loaded once.
import { registerNamespace, loadNamespaces, t } from '/ui/core/i18n.js';

registerNamespace('literature', (l) => `/plugins/literature/ui/i18n/${l}.json`);

function addStylesheet() {
  const href = '/plugins/literature/ui/literature.css';
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

/** Resolves when the literature catalogues of the active language are loaded and the stylesheet is requested. */
export function literatureReady() {
  addStylesheet();
  return loadNamespaces('literature');
}

/**
 * Subscribes an element to its room channel once per channel: `onFrame` gets every plugin frame, and the channel's
 * current state first. Returns the unsubscribe function.
 */
export function follow(element, onFrame) {
  if (!element.isConnected || !element.channel || element._followed === element.channel) return;
  element._unfollow?.();
  element._followed = element.channel;
  if (element.channel.state) onFrame({ type: 'plugin.state', state: element.channel.state });
  element._unfollow = element.channel.subscribe(onFrame);
}

/** Stops following the channel. */
export function unfollow(element) {
  element._unfollow?.();
  element._unfollow = null;
  element._followed = null;
}

/**
 * Sends an action on the element's channel; on an error frame, sets `element._error` to the catalogue's text
 * `errorKey` with the server's reason and resolves with null.
 */
export async function sendAction(element, action, payload, errorKey) {
  element._error = null;
  try {
    return await element.channel.send(action, payload);
  } catch (e) {
    element._error = t(errorKey, { message: e?.reason || e?.message || String(e) });
    return null;
  }
}
