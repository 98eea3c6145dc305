// <ccc-plugin-page>: /cities/:slug/modules/:pluginId, the page a plugin contributes to a city. It asks the core
// which modules the city has (GET /api/cities/{slug}/modules: only plugins started and enabled there), imports the
// plugin's page module from the plugin host only now that it is needed, and shows its element with the properties
// `city` (the slug) and `user` (the signed-in person or null). A plugin that is stopped or not enabled in the city
// simply has no page here. Below it, the city's coordinators and administrators find the settings the plugin lets
// them choose for the city (<ccc-city-module-settings>, loaded only for them).
//
// The page counts as rendered (pageReady) once the plugin element has rendered, or, for an element class with
// `static dispatchesReady = true`, when it dispatches `ccc-plugin-page-ready` (after its data arrived).
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, loadNamespaces } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser, canManage } from '../core/session.js';
import { loading, errorBox, setTitle, pageReady } from '../core/view.js';

export class PluginPage extends CccElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    _city: { state: true },
    _module: { state: true },
    _element: { state: true },
    _error: { state: true },
    _missing: { state: true },
    _loaded: { state: true },
  };

  constructor() {
    super();
    this._loaded = false;
    this._onReady = (e) => {
      if (e.target !== this) {
        e.stopPropagation();
        this._ready();
      }
    };
  }

  connectedCallback() {
    super.connectedCallback();
    this.addEventListener('ccc-plugin-page-ready', this._onReady);
  }

  sessionChanged() {
    if (this._element) this._element.user = currentUser();
    this.requestUpdate();
  }

  /** The coordinators' settings form, for those who manage the city. */
  _settings(module, slug, cityName) {
    if (!canManage(slug)) return nothing;
    import('../components/city-module-settings.js').catch((e) => console.warn('plugin page: settings form', e));
    return html`<ccc-city-module-settings .city=${slug} .cityName=${cityName} .pluginId=${module.id}
      .moduleName=${module.name}></ccc-city-module-settings>`;
  }

  disconnectedCallback() {
    this.removeEventListener('ccc-plugin-page-ready', this._onReady);
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('params') && this.params) this._load();
  }

  _ready() {
    if (this._announced) return;
    this._announced = true;
    pageReady(this);
  }

  async _load() {
    const { slug, pluginId } = this.params;
    this._loaded = false;
    this._announced = false;
    this._error = null;
    this._missing = false;
    this._element = null;
    this._module = null;
    try {
      const [, city, modules] = await Promise.all([
        loadNamespaces('modules'),
        api(`/cities/${encodeURIComponent(slug)}`),
        api(`/cities/${encodeURIComponent(slug)}/modules`),
      ]);
      this._city = city;
      this._module = modules.find((m) => m.id === pluginId) || null;
      if (!this._module) {
        this._missing = true;
        setTitle(city.name);
      } else {
        setTitle(t('modules:page.title', { module: this._module.name, city: city.name }));
        if (this._module.page) await this._mount(this._module.page, slug);
      }
    } catch (error) {
      this._error = error;
    }
    this._loaded = true;
    if (!this._element) {
      await this.updateComplete;
      this._ready();
    }
  }

  async _mount(page, slug) {
    try {
      await import(page.module);
    } catch (cause) {
      const error = new Error(t('modules:page.loadFailed', { module: this._module.name }));
      error.cause = cause;
      throw error;
    }
    const element = document.createElement(page.element);
    element.city = slug;
    element.user = currentUser();
    this._element = element;
    this.updateComplete.then(async () => {
      if (element.updateComplete) await element.updateComplete;
      if (!element.constructor.dispatchesReady) this._ready();
    });
  }

  render() {
    if (!this._loaded) return loading();
    const slug = this.params?.slug;
    const cityName = this._city?.name || slug;
    const back = html`<p><a href="/cities/${slug}">${t('modules:page.back', { city: cityName })}</a></p>`;
    if (this._error) {
      return html`<div class="page">${this._city ? back : nothing}${errorBox(this._error)}</div>`;
    }
    if (this._missing) {
      return html`<div class="page">${back}
        <p class="notice" data-testid="module-unavailable">${t('modules:page.unavailable', { city: cityName })}</p></div>`;
    }
    const module = this._module;
    return html`<div class="page" data-testid="plugin-page" data-plugin=${module.id}>
      ${back}
      <h1>${t('modules:page.title', { module: module.name, city: cityName })}</h1>
      ${this._element ?? html`${module.description ? html`<p class="muted">${module.description}</p>` : nothing}
        <p class="notice">${t('modules:page.noPage', { module: module.name, city: cityName })}</p>`}
      ${this._settings(module, slug, cityName)}
    </div>`;
  }
}

customElements.define('ccc-plugin-page', PluginPage);
