// <ccc-city-module-settings>: on a module's page of a city, the form its coordinators (and administrators) use to set
// the module's settings for their city: only those the plugin opens to coordinators
// (GET/PUT /api/cities/{slug}/modules/{pluginId}/settings; the server refuses any other). The form is the admin
// console's (admin-plugin-settings.js) without the choice of scope; nothing is shown when the module opens none.
import { html, nothing } from 'lit';
import { t, loadNamespaces } from '../core/i18n.js';
import { AdminPluginSettings } from './admin-plugin-settings.js';

class CityModuleSettings extends AdminPluginSettings {
  static properties = {
    ...AdminPluginSettings.properties,
    city: { attribute: false },
    cityName: { attribute: false },
    pluginId: { attribute: false },
    moduleName: { attribute: false },
  };

  connectedCallback() {
    loadNamespaces('admin').then(() => this.requestUpdate());
    super.connectedCallback();
  }

  // The page may set the properties before this module is loaded: Lit hands them over at the first update, so the
  // settings are loaded from there (and again if the page shows another city or module).
  _loadFirst() {}

  willUpdate(changed) {
    if ((changed.has('city') || changed.has('pluginId')) && this.city && this.pluginId) {
      this._scope = this.city;
      this._load();
    }
  }

  get _scoped() {
    return false;
  }

  get _base() {
    return `/cities/${encodeURIComponent(this.city)}/modules/${encodeURIComponent(this.pluginId)}/settings`;
  }

  get _query() {
    return {};
  }

  get _name() {
    return this.moduleName || this.pluginId;
  }

  get _id() {
    return `city-${this.pluginId}`;
  }

  render() {
    if (this._view && !this._view.settings.length) return nothing;
    return html`<section class="card" aria-labelledby="city-module-settings-title" data-testid="city-module-settings">
      <h2 id="city-module-settings-title">${t('modules:settings.title', { module: this._name,
        city: this.cityName || this.city })}</h2>
      <p class="muted">${t('modules:settings.hint', { city: this.cityName || this.city })}</p>
      ${super.render()}
    </section>`;
  }
}

customElements.define('ccc-city-module-settings', CityModuleSettings);
