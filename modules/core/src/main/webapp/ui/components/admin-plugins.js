// Admin console, "Plugins": every installed plugin with its version, state, health and last error; install by upload
// (installed disabled, so that its declared permissions are reviewed before it is enabled); start, stop, enable,
// disable, upgrade and uninstall; where it is on (per city) and its settings.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, translateOr, formatDateTime } from '../core/i18n.js';
import { notify, notifyError } from '../core/notify.js';
import { loading, errorBox, empty, pageReady } from '../core/view.js';
import { confirmDialog } from './admin-common.js';
import './admin-plugin-cities.js';
import './admin-plugin-settings.js';

const JAR = { 'Content-Type': 'application/octet-stream' };

/** The permission's explanation ("storage" → admin:permissions.storage; dots become underscores). */
function permissionText(permission) {
  return translateOr(`admin:permissions.${permission.replace(/\./g, '_')}`, permission);
}

/** A plugin's declared permissions, each with what it allows. */
function permissionList(plugin) {
  const permissions = plugin.module?.permissions || [];
  if (!permissions.length) return html`<p class="muted">${t('admin:plugins.noPermissions')}</p>`;
  return html`<ul class="admin-permissions" data-testid="admin-permissions">
    ${permissions.map((p) => html`<li><code>${p}</code> <span>${permissionText(p)}</span></li>`)}
  </ul>`;
}

function stateBadge(plugin) {
  const state = (plugin.state || '').toLowerCase();
  return html`<span class="badge admin-state admin-state-${state}" data-testid="admin-plugin-state">
    ${translateOr(`admin:plugins.states.${state}`, plugin.state)}</span>`;
}

function healthBadge(plugin) {
  const health = (plugin.health || '').toLowerCase();
  return html`<span class="badge admin-state admin-health-${health}" data-testid="admin-plugin-health">
    ${t('admin:plugins.health', { health: translateOr(`admin:plugins.healths.${health}`, plugin.health) })}</span>`;
}

class AdminPlugins extends CccElement {
  static properties = {
    _list: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _open: { state: true },
    _installing: { state: true },
    _installError: { state: true },
    _review: { state: true },
  };

  constructor() {
    super();
    this._list = null;
    this._error = null;
    this._busy = null;
    this._open = {};
    this._installing = false;
    this._installError = null;
    this._review = null;
  }

  connectedCallback() {
    super.connectedCallback();
    // Plugins name themselves in the UI's language (their message bundles): ask again when it changes.
    this._reloadTexts = () => this._load();
    window.addEventListener('ccc-locale-changed', this._reloadTexts);
    this._load().then(() => pageReady(this));
  }

  disconnectedCallback() {
    window.removeEventListener('ccc-locale-changed', this._reloadTexts);
    super.disconnectedCallback();
  }

  async _load() {
    try {
      this._list = await api('/admin/plugins');
      this._error = null;
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
  }

  _replace(view) {
    this._list = { ...this._list, plugins: this._list.plugins.map((p) => (p.id === view.id ? view : p)) };
  }

  async _act(plugin, action, { method = 'POST', path = `/admin/plugins/${encodeURIComponent(plugin.id)}/${action}`,
    body, headers, query, success } = {}) {
    this._busy = plugin.id;
    try {
      const view = await api(path, { method, body, headers, query });
      if (view) this._replace(view);
      notify(success || t(`admin:plugins.done.${action}`, { name: plugin.module?.name || plugin.id }), 'success');
      return view || true;
    } catch (e) {
      notifyError(e);
      return null;
    } finally {
      this._busy = null;
    }
  }

  async _install(event) {
    event.preventDefault();
    const input = this.querySelector('#admin-plugin-jar');
    const file = input.files[0];
    if (!file) {
      this._installError = { message: t('admin:plugins.install.chooseFile') };
      return;
    }
    this._installing = true;
    this._installError = null;
    try {
      const view = await api('/admin/plugins', { method: 'POST', body: file, headers: JAR, query: { start: false } });
      input.value = '';
      this._review = view;
      await this._load();
      this.querySelector('[data-testid=admin-plugin-review] h2')?.focus();
    } catch (e) {
      this._installError = e;
    } finally {
      this._installing = false;
    }
  }

  async _enableReviewed() {
    const plugin = this._review;
    const view = await this._act(plugin, 'enable');
    if (view) this._review = null;
  }

  _keepDisabled() {
    notify(t('admin:plugins.review.keptDisabled', { name: this._review.module?.name || this._review.id }));
    this._review = null;
  }

  async _upgrade(event, plugin) {
    event.preventDefault();
    const form = event.target;
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) {
      notify(t('admin:plugins.install.chooseFile'), 'error');
      return;
    }
    const force = form.querySelector('input[type=checkbox]').checked;
    const view = await this._act(plugin, 'upgrade', { body: file, headers: JAR, query: { force: force || undefined },
      success: t('admin:plugins.done.upgrade', { name: plugin.module?.name || plugin.id }) });
    if (view) this._toggle(plugin, 'upgrade');
  }

  async _uninstall(plugin) {
    const name = plugin.module?.name || plugin.id;
    const ok = await confirmDialog({
      title: t('admin:plugins.uninstall.title', { name }),
      body: html`<p>${t('admin:plugins.uninstall.text', { name })}</p>`,
      confirmLabel: t('admin:plugins.uninstall.confirm'),
      danger: true,
    });
    if (!ok) return;
    const done = await this._act(plugin, 'uninstall', { method: 'DELETE',
      path: `/admin/plugins/${encodeURIComponent(plugin.id)}` });
    if (done) {
      this._list = { ...this._list, plugins: this._list.plugins.filter((p) => p.id !== plugin.id) };
      if (this._review?.id === plugin.id) this._review = null;
    }
  }

  async _disable(plugin) {
    const name = plugin.module?.name || plugin.id;
    const ok = await confirmDialog({
      title: t('admin:plugins.disable.title', { name }),
      body: html`<p>${t('admin:plugins.disable.text', { name })}</p>`,
      confirmLabel: t('admin:plugins.actions.disable'),
      danger: true,
    });
    if (ok) await this._act(plugin, 'disable');
  }

  _toggle(plugin, panel) {
    const current = this._open[plugin.id];
    this._open = { ...this._open, [plugin.id]: current === panel ? null : panel };
  }

  render() {
    return html`<section class="admin-section" aria-labelledby="admin-plugins-title">
      <h1 id="admin-plugins-title">${t('admin:sections.plugins')}</h1>
      <p class="muted">${t('admin:plugins.intro')}</p>
      ${this._renderInstall()}
      ${this._review ? this._renderReview(this._review) : nothing}
      <h2>${t('admin:plugins.installed')}</h2>
      ${this._error ? errorBox(this._error) : !this._list ? loading() : this._renderList()}
    </section>`;
  }

  _renderInstall() {
    return html`<form class="card admin-install" @submit=${this._install} novalidate>
      <h2>${t('admin:plugins.install.title')}</h2>
      <div class="form-field">
        <label for="admin-plugin-jar">${t('admin:plugins.install.file')}</label>
        <input id="admin-plugin-jar" type="file" accept=".jar,application/java-archive" data-testid="admin-plugin-jar"
          aria-describedby="admin-plugin-jar-hint">
        <p class="form-hint" id="admin-plugin-jar-hint">${t('admin:plugins.install.hint')}</p>
      </div>
      ${errorBox(this._installError)}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this._installing} data-testid="admin-plugin-upload">
          ${this._installing ? t('admin:plugins.install.uploading') : t('admin:plugins.install.submit')}</button>
      </div>
    </form>`;
  }

  _renderReview(plugin) {
    const name = plugin.module?.name || plugin.id;
    return html`<section class="card admin-review" data-testid="admin-plugin-review" aria-labelledby="admin-review-title">
      <h2 id="admin-review-title" tabindex="-1">${t('admin:plugins.review.title', { name, version: plugin.version })}</h2>
      <p>${t('admin:plugins.review.text')}</p>
      ${permissionList(plugin)}
      ${plugin.module?.roomKinds?.length ? html`<p>${t('admin:plugins.roomKinds')}:
        ${plugin.module.roomKinds.map((k) => k.name).join(', ')}</p>` : nothing}
      <div class="form-actions">
        <button type="button" class="primary" data-testid="admin-plugin-review-enable" ?disabled=${this._busy === plugin.id}
          @click=${this._enableReviewed}>${t('admin:plugins.review.enable')}</button>
        <button type="button" @click=${this._keepDisabled}>${t('admin:plugins.review.keep')}</button>
      </div>
    </section>`;
  }

  _renderList() {
    const { plugins, refused, apiVersion } = this._list;
    return html`<p class="muted">${t('admin:plugins.apiVersion', { version: apiVersion })}</p>
      ${plugins.length ? html`<div class="stack">${plugins.map((p) => this._renderPlugin(p))}</div>`
        : empty(t('admin:plugins.none'))}
      ${refused?.length ? html`<h2>${t('admin:plugins.refused')}</h2>
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">${t('admin:plugins.file')}</th><th scope="col">${t('admin:plugins.reason')}</th></tr></thead>
          <tbody>${refused.map((r) => html`<tr><td><code>${r.file}</code></td><td>${r.reason}</td></tr>`)}</tbody>
        </table></div>` : nothing}`;
  }

  _renderPlugin(plugin) {
    const name = plugin.module?.name || plugin.id;
    const busy = this._busy === plugin.id;
    const open = this._open[plugin.id];
    const panelId = `admin-plugin-panel-${plugin.id}`;
    const toggle = (panel, label) => html`<button type="button" aria-expanded=${open === panel ? 'true' : 'false'}
      aria-controls=${panelId} data-testid=${`admin-plugin-${panel}-toggle`}
      @click=${() => this._toggle(plugin, panel)}>${label}</button>`;
    return html`<article class="card admin-plugin" data-testid=${`admin-plugin-${plugin.id}`}
      aria-labelledby=${`admin-plugin-name-${plugin.id}`}>
      <header class="admin-plugin-head">
        <h3 id=${`admin-plugin-name-${plugin.id}`}>${name}</h3>
        <span class="badge" data-testid="admin-plugin-version">${t('admin:plugins.version', { version: plugin.version })}</span>
        ${stateBadge(plugin)} ${healthBadge(plugin)}
      </header>
      ${plugin.module?.description || plugin.description ? html`<p>${plugin.module?.description || plugin.description}</p>`
        : nothing}
      <dl class="admin-facts">
        <div><dt>${t('admin:plugins.id')}</dt><dd><code>${plugin.id}</code></dd></div>
        ${plugin.provider ? html`<div><dt>${t('admin:plugins.provider')}</dt><dd>${plugin.provider}</dd></div>` : nothing}
        <div><dt>${t('admin:plugins.requires')}</dt><dd><code>${plugin.requires || '—'}</code></dd></div>
        <div><dt>${t('admin:plugins.where')}</dt><dd data-testid="admin-plugin-where">${plugin.networkWide
          ? t('admin:plugins.networkWide') : t('admin:plugins.inCities', { count: plugin.cities.length })}</dd></div>
        ${plugin.dependencies?.length ? html`<div><dt>${t('admin:plugins.dependencies')}</dt>
          <dd>${plugin.dependencies.join(', ')}</dd></div>` : nothing}
        ${plugin.module?.roomKinds?.length ? html`<div><dt>${t('admin:plugins.roomKinds')}</dt>
          <dd>${plugin.module.roomKinds.map((k) => k.name).join(', ')}</dd></div>` : nothing}
      </dl>
      ${plugin.lastError ? html`<div class="error-box admin-last-error" data-testid="admin-plugin-error">
        <p><strong>${t('admin:plugins.lastError', {
          when: plugin.lastErrorAt ? formatDateTime(plugin.lastErrorAt) : '—' })}</strong></p>
        <p class="admin-error-text">${plugin.lastError}</p>
        <p>${t('admin:plugins.recentFailures', { count: plugin.recentFailures })}</p>
      </div>` : nothing}
      ${plugin.disabledReason ? html`<p class="notice">${t('admin:plugins.disabledBecause', {
        when: plugin.disabledAt ? formatDateTime(plugin.disabledAt) : '—', reason: plugin.disabledReason })}</p>` : nothing}
      <details class="admin-permissions-details">
        <summary>${t('admin:plugins.permissions', { count: plugin.module?.permissions?.length || 0 })}</summary>
        ${permissionList(plugin)}
      </details>
      <div class="form-actions admin-plugin-actions">
        ${plugin.state === 'STARTED' ? html`<button type="button" ?disabled=${busy} data-testid="admin-plugin-stop"
          @click=${() => this._act(plugin, 'stop')}>${t('admin:plugins.actions.stop')}</button>` : nothing}
        ${plugin.state === 'STOPPED' || plugin.state === 'FAILED' ? html`<button type="button" class="primary"
          ?disabled=${busy} data-testid="admin-plugin-start" @click=${() => this._act(plugin, 'start')}>
          ${t('admin:plugins.actions.start')}</button>` : nothing}
        ${plugin.state === 'DISABLED' ? html`<button type="button" class="primary" ?disabled=${busy}
          data-testid="admin-plugin-enable" @click=${() => this._act(plugin, 'enable')}>
          ${t('admin:plugins.actions.enable')}</button>` : html`<button type="button" ?disabled=${busy}
          data-testid="admin-plugin-disable" @click=${() => this._disable(plugin)}>${t('admin:plugins.actions.disable')}</button>`}
        ${toggle('cities', t('admin:plugins.actions.cities'))}
        ${plugin.module?.settings?.length ? toggle('settings', t('admin:plugins.actions.settings')) : nothing}
        ${toggle('upgrade', t('admin:plugins.actions.upgrade'))}
        <button type="button" class="danger" ?disabled=${busy} data-testid="admin-plugin-uninstall"
          @click=${() => this._uninstall(plugin)}>${t('admin:plugins.actions.uninstall')}</button>
      </div>
      <div id=${panelId} class="admin-plugin-panel">${this._renderPanel(plugin, open)}</div>
    </article>`;
  }

  _renderPanel(plugin, open) {
    if (open === 'cities') {
      return html`<ccc-admin-plugin-cities .plugin=${plugin} @admin-placement-changed=${(e) => this._replace(
        { ...plugin, networkWide: e.detail.networkWide, cities: e.detail.cities })}></ccc-admin-plugin-cities>`;
    }
    if (open === 'settings') return html`<ccc-admin-plugin-settings .plugin=${plugin}></ccc-admin-plugin-settings>`;
    if (open === 'upgrade') {
      const id = `admin-upgrade-${plugin.id}`;
      return html`<form class="form admin-upgrade" @submit=${(e) => this._upgrade(e, plugin)} novalidate>
        <h4>${t('admin:plugins.upgrade.title', { name: plugin.module?.name || plugin.id })}</h4>
        <div class="form-field">
          <label for=${id}>${t('admin:plugins.upgrade.file')}</label>
          <input id=${id} type="file" accept=".jar,application/java-archive" data-testid="admin-plugin-upgrade-jar">
          <p class="form-hint">${t('admin:plugins.upgrade.hint', { version: plugin.version })}</p>
        </div>
        <label class="admin-check"><input type="checkbox"> ${t('admin:plugins.upgrade.force')}</label>
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this._busy === plugin.id}
            data-testid="admin-plugin-upgrade-submit">${t('admin:plugins.upgrade.submit')}</button>
        </div>
      </form>`;
    }
    return nothing;
  }
}

customElements.define('ccc-admin-plugins', AdminPlugins);
