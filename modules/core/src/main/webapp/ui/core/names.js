// Names the server gives what it creates by itself, in English ("Lyon community", the room "general"), shown in the
// reader's language (the "common" catalogue, which every page has). A name someone chose (a renamed space or room)
// is theirs and shown as it is.
import { translateOr } from './i18n.js';

const COMMUNITY = ' community';

/** A space's name: a city's own community space in the reader's language, any other as named. */
export function spaceName(space) {
  const name = space?.name ?? '';
  if (space?.city && space.slug === `city-${space.city}` && name.endsWith(COMMUNITY)) {
    return translateOr('common:generated.community', name, { city: name.slice(0, -COMMUNITY.length) });
  }
  return name;
}

/** A room's name: the general room every space starts with in the reader's language, any other as named. */
export function roomName(room) {
  const name = room?.name ?? '';
  return name === 'general' ? translateOr('common:generated.general', name) : name;
}
