// What the gastronomy plugin's UI modules share: the plugin's own catalogues (namespace "gastronomy", served from this
// jar's ui/i18n folder) and its stylesheet, both loaded once, and the names of the usual tasting criteria.
import { registerNamespace, loadNamespaces, t } from '/ui/core/i18n.js';

registerNamespace('gastronomy', (l) => `/plugins/gastronomy/ui/i18n/${l}.json`);

const KNOWN_CRITERIA = new Set(['taste', 'presentation', 'originality']);

function addStylesheet() {
  const href = '/plugins/gastronomy/ui/gastronomy.css';
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

/** Resolves when the gastronomy catalogues of the active language are loaded and the stylesheet is requested. */
export function gastronomyReady() {
  addStylesheet();
  return loadNamespaces('gastronomy');
}

/** A criterion as people read it: the usual ones translated, the host's own as they wrote them. */
export function criterionLabel(name) {
  return KNOWN_CRITERIA.has(name) ? t(`gastronomy:criteria.${name}`) : name;
}
