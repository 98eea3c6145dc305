// What plugins call their room kinds, in the UI's language: the "plugins" catalogue (GET /api/modules/texts, from each
// plugin's message bundles, already falling back to English and to what the plugin declared), then the core's own
// names ("discussion"), then the name the server sent. Pages load the "plugins" namespace (routes.js) first.
import { translateOr } from './i18n.js';

/** A room kind's name, e.g. "watch-party" → "Séance partagée" in French. */
export function roomKindName(kind, fallback = kind) {
  return translateOr(`plugins:roomKinds.${kind}.name`, translateOr(`room:kinds.${kind}`, fallback));
}

/** A room kind's description, or the fallback. */
export function roomKindDescription(kind, fallback = '') {
  return translateOr(`plugins:roomKinds.${kind}.description`, fallback);
}
