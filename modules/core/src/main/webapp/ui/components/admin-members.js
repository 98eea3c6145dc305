// Admin console, "Members and roles": every account (search, pages) with network administration granted or
// withdrawn, and for one city its members with their roles: promote to coordinator, make member again, remove.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, formatDate, countryName } from '../core/i18n.js';
import { currentUser } from '../core/session.js';
import { notify, notifyError } from '../core/notify.js';
import { loading, errorBox, empty, pageReady, pager } from '../core/view.js';
import { confirmDialog, loadAllCities } from './admin-common.js';

class AdminMembers extends CccElement {
  static properties = {
    _q: { state: true },
    _accounts: { state: true },
    _accountsError: { state: true },
    _cities: { state: true },
    _city: { state: true },
    _role: { state: true },
    _members: { state: true },
    _membersError: { state: true },
    _busy: { state: true },
  };

  constructor() {
    super();
    this._q = '';
    this._accounts = null;
    this._accountsError = null;
    this._cities = null;
    this._city = '';
    this._role = '';
    this._members = null;
    this._membersError = null;
    this._busy = null;
  }

  connectedCallback() {
    super.connectedCallback();
    loadAllCities().then((cities) => { this._cities = cities; }, (e) => { this._membersError = e; });
    this._searchAccounts(1).then(() => pageReady(this));
  }

  async _searchAccounts(page) {
    clearTimeout(this._debounce);
    this._abort?.abort();
    this._abort = new AbortController();
    try {
      this._accounts = await api('/admin/accounts', { query: { q: this._q.trim(), page, size: 20 },
        signal: this._abort.signal });
      this._accountsError = null;
    } catch (e) {
      if (e.name !== 'AbortError') this._accountsError = e;
    }
    await this.updateComplete;
  }

  async _setAdmin(account, admin) {
    const ok = await confirmDialog({
      title: t(admin ? 'admin:members.grant.title' : 'admin:members.revoke.title', { name: account.displayName }),
      body: html`<p>${t(admin ? 'admin:members.grant.text' : 'admin:members.revoke.text', { name: account.displayName })}</p>`,
      confirmLabel: t(admin ? 'admin:members.grant.confirm' : 'admin:members.revoke.confirm'),
      danger: !admin,
    });
    if (!ok) return;
    this._busy = `a${account.id}`;
    try {
      const view = await api(`/admin/accounts/${account.id}/admin`, { method: 'PUT', body: { admin } });
      this._accounts = { ...this._accounts, items: this._accounts.items.map((a) => (a.id === view.id ? view : a)) };
      notify(t(admin ? 'admin:members.grant.done' : 'admin:members.revoke.done', { name: view.displayName }), 'success');
    } catch (e) {
      notifyError(e);
    } finally {
      this._busy = null;
    }
  }

  async _loadMembers(page) {
    if (!this._city) {
      this._members = null;
      return;
    }
    this._members = null;
    try {
      this._members = await api(`/cities/${encodeURIComponent(this._city)}/members`,
        { query: { role: this._role, page, size: 50 } });
      this._membersError = null;
    } catch (e) {
      this._membersError = e;
    }
  }

  get _cityName() {
    return this._cities?.find((c) => c.slug === this._city)?.name || this._city;
  }

  async _setRole(member, role) {
    this._busy = `m${member.accountId}`;
    try {
      await api(`/cities/${encodeURIComponent(this._city)}/members/${member.accountId}/role`,
        { method: 'PUT', body: { role } });
      notify(t(role === 'COORDINATOR' ? 'admin:members.promoted' : 'admin:members.demoted',
        { name: member.displayName, city: this._cityName }), 'success');
      await this._loadMembers(this._members?.page || 1);
    } catch (e) {
      notifyError(e);
    } finally {
      this._busy = null;
    }
  }

  async _remove(member) {
    const ok = await confirmDialog({
      title: t('admin:members.remove.title', { name: member.displayName, city: this._cityName }),
      body: html`<p>${t('admin:members.remove.text', { name: member.displayName, city: this._cityName })}</p>`,
      confirmLabel: t('admin:members.remove.confirm'),
      danger: true,
    });
    if (!ok) return;
    this._busy = `m${member.accountId}`;
    try {
      await api(`/cities/${encodeURIComponent(this._city)}/members/${member.accountId}`, { method: 'DELETE' });
      notify(t('admin:members.remove.done', { name: member.displayName, city: this._cityName }), 'success');
      await this._loadMembers(this._members?.page || 1);
    } catch (e) {
      notifyError(e);
    } finally {
      this._busy = null;
    }
  }

  render() {
    return html`<section class="admin-section" aria-labelledby="admin-members-title">
      <h1 id="admin-members-title">${t('admin:sections.members')}</h1>
      <h2>${t('admin:members.accounts')}</h2>
      <form class="admin-filters" role="search" @submit=${(e) => { e.preventDefault(); this._searchAccounts(1); }}>
        <div class="form-field">
          <label for="admin-account-q">${t('admin:members.searchAccounts')}</label>
          <input id="admin-account-q" type="search" .value=${this._q} data-testid="admin-account-search"
            @input=${(e) => { this._q = e.target.value; clearTimeout(this._debounce);
              this._debounce = setTimeout(() => this._searchAccounts(1), 250); }}>
        </div>
      </form>
      ${this._accountsError ? errorBox(this._accountsError) : !this._accounts ? loading() : this._renderAccounts()}
      <h2>${t('admin:members.cityRoles')}</h2>
      ${this._renderCityPicker()}
      ${this._membersError ? errorBox(this._membersError) : this._city && !this._members ? loading()
        : this._members ? this._renderMembers() : nothing}
    </section>`;
  }

  _renderAccounts() {
    const r = this._accounts;
    if (!r.items.length) return empty(t('admin:members.noAccounts'));
    const me = currentUser();
    return html`<div class="table-wrap"><table data-testid="admin-account-table">
        <caption class="visually-hidden">${t('admin:members.accounts')}</caption>
        <thead><tr><th scope="col">${t('admin:members.columns.name')}</th><th scope="col">${t('admin:members.columns.email')}</th>
          <th scope="col">${t('admin:members.columns.since')}</th><th scope="col">${t('admin:members.columns.role')}</th>
          <th scope="col">${t('admin:members.columns.actions')}</th></tr></thead>
        <tbody>${r.items.map((a) => html`<tr data-testid=${`admin-account-${a.id}`}>
          <th scope="row"><a href=${`/people/${a.id}`}>${a.displayName}</a>
            ${a.id === me?.id ? html` <span class="badge">${t('admin:members.you')}</span>` : nothing}</th>
          <td>${a.email}</td>
          <td>${formatDate(a.createdAt)}</td>
          <td>${a.admin ? html`<span class="badge admin-state admin-state-started">${t('admin:members.administrator')}</span>`
            : t('admin:members.person')}</td>
          <td>${a.id === me?.id ? html`<span class="muted">${t('admin:members.selfHint')}</span>`
            : html`<button type="button" ?disabled=${this._busy === `a${a.id}`} data-testid="admin-account-toggle"
              @click=${() => this._setAdmin(a, !a.admin)}>${a.admin ? t('admin:members.revoke.action')
                : t('admin:members.grant.action')}</button>`}</td>
        </tr>`)}</tbody>
      </table></div>
      ${pager(r, (page) => this._searchAccounts(page))}`;
  }

  _renderCityPicker() {
    return html`<form class="admin-filters" @submit=${(e) => e.preventDefault()}>
      <div class="form-field">
        <label for="admin-members-city">${t('admin:members.city')}</label>
        <select id="admin-members-city" data-testid="admin-members-city" ?disabled=${!this._cities}
          @change=${(e) => { this._city = e.target.value; this._loadMembers(1); }}>
          <option value="" ?selected=${!this._city}>${t('admin:members.chooseCity')}</option>
          ${(this._cities || []).map((c) => html`<option value=${c.slug} ?selected=${this._city === c.slug}>${c.name}
            (${countryName(c.country)})</option>`)}
        </select>
      </div>
      <div class="form-field">
        <label for="admin-members-role">${t('admin:members.roleFilter')}</label>
        <select id="admin-members-role" @change=${(e) => { this._role = e.target.value; this._loadMembers(1); }}>
          <option value="">${t('admin:members.allRoles')}</option>
          <option value="COORDINATOR">${t('admin:members.roles.COORDINATOR')}</option>
          <option value="MEMBER">${t('admin:members.roles.MEMBER')}</option>
        </select>
      </div>
    </form>`;
  }

  _renderMembers() {
    const r = this._members;
    if (!r.items.length) return empty(t('admin:members.noMembers', { city: this._cityName }));
    return html`<div class="table-wrap"><table data-testid="admin-member-table">
        <caption class="visually-hidden">${t('admin:members.membersOf', { city: this._cityName })}</caption>
        <thead><tr><th scope="col">${t('admin:members.columns.name')}</th><th scope="col">${t('admin:members.columns.role')}</th>
          <th scope="col">${t('admin:members.columns.memberSince')}</th><th scope="col">${t('admin:members.columns.actions')}</th></tr></thead>
        <tbody>${r.items.map((m) => {
          const busy = this._busy === `m${m.accountId}`;
          const coordinator = m.role === 'COORDINATOR';
          return html`<tr data-testid=${`admin-member-${m.accountId}`}>
            <th scope="row"><a href=${`/people/${m.accountId}`}>${m.displayName}</a></th>
            <td><span class="badge">${t(`admin:members.roles.${m.role}`)}</span></td>
            <td>${formatDate(m.decidedAt || m.requestedAt)}</td>
            <td class="admin-row-actions">
              <button type="button" ?disabled=${busy} data-testid=${coordinator ? 'admin-member-demote' : 'admin-member-promote'}
                @click=${() => this._setRole(m, coordinator ? 'MEMBER' : 'COORDINATOR')}>
                ${coordinator ? t('admin:members.demote') : t('admin:members.promote')}</button>
              <button type="button" class="danger" ?disabled=${busy} data-testid="admin-member-remove"
                aria-label=${t('admin:members.remove.named', { name: m.displayName })}
                @click=${() => this._remove(m)}>${t('admin:members.remove.confirm')}</button>
            </td>
          </tr>`;
        })}</tbody>
      </table></div>
      ${pager(r, (page) => this._loadMembers(page))}`;
  }
}

customElements.define('ccc-admin-members', AdminMembers);
