import { translateOr } from './i18n.js';
// Colours for creative fields. Fields are data (an administrator can add one), so known fields get a fixed
// colour and any other field a stable one from the same palette. Every colour has at least 4.5:1 contrast
// against white text and is distinguishable on the map.
const KNOWN = {
  'crafts-folk-art': '#8a4b08',
  design: '#6b3fa0',
  film: '#b3261e',
  gastronomy: '#2e7d32',
  literature: '#1f5f99',
  'media-arts': '#a1127a',
  music: '#00695c',
  architecture: '#5d4037',
};
const PALETTE = ['#37474f', '#4e342e', '#283593', '#1b5e20', '#880e4f', '#004d40', '#bf360c', '#4a148c'];

/** The colour of a field, by its slug. */
export function fieldColor(slug) {
  if (KNOWN[slug]) return KNOWN[slug];
  let h = 0;
  for (const c of slug || '') h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** A field's name in the active language: the catalogue's name for known fields, else the server's name. */
export function fieldName(field) {
  return translateOr(`fields:${field.slug}`, field.name);
}
