// Plugin work kinds (plugin API 1.3) in the browser. GET /api/works/kinds says which kinds exist now; a plugin's
// kind names the ES module and the custom element that display and edit its content. <ccc-work-kind> imports that
// module only when a work of the kind is shown, and hands the element the work-kind contract of the plugin guide:
// properties `content` (the JSON object), `editable`, `schema` and `lang`; the element answers every change with a
// `work-content-change` event ({ detail: { content } }). While the kind's plugin is stopped, the content is shown
// as read-only JSON.
import { html } from 'lit';
import { CccElement } from '../core/element.js';
import { t, locale, translateOr } from '../core/i18n.js';
import { api } from '../core/api.js';
import { loading } from '../core/view.js';

let kinds = null;
let known = [];

/** The kinds of work people can make now (fetched once per page load). */
export function workKinds() {
  if (!kinds) {
    kinds = api('/works/kinds').then((r) => { known = r.kinds; return r.kinds; })
      .catch((e) => { kinds = null; throw e; });
  }
  return kinds;
}

/** Whether a kind is a plugin's ("<pluginId>:<id>") rather than the core's. */
export function isPluginKind(kind) {
  return String(kind).indexOf(':') > 0;
}

/** A kind's name: the core's translated, a plugin's as its plugin names it (once the kinds are known). */
export function kindLabel(kind) {
  if (!isPluginKind(kind)) return translateOr(`works:kinds.${kind}`, kind);
  return known.find((k) => k.kind === kind)?.name || kind.substring(kind.indexOf(':') + 1);
}

class WorkKindView extends CccElement {
  static properties = {
    kind: {},
    content: { attribute: false },
    editable: { type: Boolean },
    _state: { state: true },
  };

  constructor() {
    super();
    this.editable = false;
    this._state = 'loading';
    this._element = null;
  }

  willUpdate(changed) {
    if (changed.has('kind')) this._mount();
  }

  async _mount() {
    this._element = null;
    this._state = 'loading';
    try {
      const info = (await workKinds()).find((k) => k.kind === this.kind);
      if (!info?.module) {
        this._state = 'unavailable';
        return;
      }
      await import(info.module);
      const element = document.createElement(info.element);
      element.schema = info.schema;
      this._element = element;
      this._state = 'ready';
    } catch (e) {
      console.error(e);
      this._state = 'unavailable';
    }
  }

  updated() {
    const element = this._element;
    if (!element) return;
    element.lang = locale();
    element.editable = this.editable;
    if (element.content !== this.content) element.content = this.content;
    const slot = this.renderRoot.querySelector('.work-kind-element');
    if (slot && element.parentNode !== slot) slot.replaceChildren(element);
  }

  render() {
    if (this._state === 'loading') return loading();
    if (this._state === 'unavailable') {
      return html`<p class="state" data-testid="work-kind-unavailable">${t('works:kind.unavailable')}</p>
        <pre class="work-json" data-testid="work-json">${JSON.stringify(this.content ?? {}, null, 2)}</pre>`;
    }
    return html`<div class="work-kind-element" data-testid="work-kind-element"></div>`;
  }
}

customElements.define('ccc-work-kind', WorkKindView);
