// <ccc-city-membership slug="lyon" .city=${city}>: a person's place in a city's community. Visitors are invited to sign in;
// signed-in people join (open cities) or ask to join (cities by approval), see a pending request, leave; the
// city's coordinators and administrators decide pending requests and manage members' roles. Every change goes
// through refreshMe(), so the rest of the page (which listens for "ccc-session-changed") follows; the element
// also fires "ccc-membership-changed" ({slug}) for pages that show member counts.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatDate, formatRelative, formatNumber } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser, refreshMe, canManage } from '../core/session.js';
import { notify, notifyError } from '../core/notify.js';
import { loading, errorBox, empty, pager } from '../core/view.js';
import { signInHref, signUpHref, statusBadge } from './acct-util.js';

/** How often a pending request is re-checked, and how often a manager's request list is refreshed. */
const PENDING_POLL_MS = 6000;
const REQUESTS_POLL_MS = 15000;

class CityMembership extends CccElement {
  static properties = {
    slug: { type: String },
    /** The city as the page already read it (GET /api/cities/{slug}), so that it is not asked for twice. */
    city: { type: Object },
    _city: { state: true },
    _error: { state: true },
    _requests: { state: true },
    _members: { state: true },
    _manageError: { state: true },
    _busy: { state: true },
    _confirm: { state: true },
  };

  constructor() {
    super();
    this.slug = '';
    this._city = null;
    this._error = null;
    this._requests = null;
    this._members = null;
    this._manageError = null;
    this._busy = null;
    this._confirm = null;
    this._membersPage = 1;
    this._managing = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._onVisible = () => {
      if (!document.hidden) this._poll();
    };
    document.addEventListener('visibilitychange', this._onVisible);
    this._syncPolling();
  }

  sessionChanged() {
    this.requestUpdate();
    this._syncManagement();
    this._syncPolling();
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this._onVisible);
    clearInterval(this._timer);
    this._timer = null;
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('slug') && this.slug) {
      this._city = null;
      this._requests = null;
      this._members = null;
      this._managing = false;
      if (this.city?.slug === this.slug) this._city = this.city;
      else this._loadCity();
      this._syncManagement();
    } else if (changed.has('city') && this.city?.slug === this.slug) {
      this._city = this.city;
    }
  }

  get _membership() {
    return currentUser()?.memberships?.find((m) => m.city === this.slug) || null;
  }

  async _loadCity() {
    this._error = null;
    try {
      this._city = await api(`/cities/${encodeURIComponent(this.slug)}`);
    } catch (e) {
      this._error = e;
    }
  }

  /** Loads the manager's lists when the caller (newly) manages this city; forgets them otherwise. */
  _syncManagement() {
    const manages = !!this.slug && canManage(this.slug);
    if (manages && !this._managing) {
      this._managing = true;
      this._loadRequests();
      this._loadMembers(1);
    } else if (!manages) {
      this._managing = false;
      this._requests = null;
      this._members = null;
    }
  }

  async _loadRequests() {
    try {
      this._requests = await api(`/cities/${encodeURIComponent(this.slug)}/requests`, { query: { size: 100 } });
      this._manageError = null;
    } catch (e) {
      this._manageError = e;
    }
  }

  async _loadMembers(page) {
    try {
      this._members = await api(`/cities/${encodeURIComponent(this.slug)}/members`, { query: { page, size: 20 } });
      this._membersPage = page;
      this._manageError = null;
    } catch (e) {
      this._manageError = e;
    }
  }

  /** A pending request is re-checked while the page is open (no reload needed); managers see new requests. */
  _syncPolling() {
    const wanted = this._membership?.status === 'PENDING' || canManage(this.slug);
    if (wanted && !this._timer) {
      this._timer = setInterval(() => this._poll(), this._membership?.status === 'PENDING' ? PENDING_POLL_MS
        : REQUESTS_POLL_MS);
    } else if (!wanted && this._timer) {
      clearInterval(this._timer);
      this._timer = null;
    }
  }

  async _poll() {
    if (document.hidden || this._busy) return;
    try {
      if (this._membership?.status === 'PENDING') {
        await refreshMe();
        if (this._membership?.status !== 'PENDING') {
          // Decided by a coordinator meanwhile: the member count changed too.
          await this._loadCity();
          this._changed();
        }
      }
      if (this._managing) await this._loadRequests();
    } catch (e) {
      // A failed background check is retried on the next tick; it is reported only if it is not a network blip.
      if (e.status) notifyError(e);
    }
  }

  async _act(key, work, message) {
    this._busy = key;
    try {
      await work();
      if (message) notify(message, 'success');
      this._confirm = null;
      await refreshMe();
      await this._loadCity();
      if (this._managing) await Promise.all([this._loadRequests(), this._loadMembers(this._membersPage)]);
      this._changed();
    } catch (e) {
      notifyError(e);
    } finally {
      this._busy = null;
      clearInterval(this._timer);
      this._timer = null;
      if (this.isConnected) this._syncPolling();
    }
  }

  _changed() {
    this.dispatchEvent(new CustomEvent('ccc-membership-changed', { bubbles: true, detail: { slug: this.slug } }));
  }

  _path(suffix) {
    return `/cities/${encodeURIComponent(this.slug)}${suffix}`;
  }

  _join() {
    let joined;
    return this._act('self', async () => {
      joined = await api(this._path('/members'), { method: 'POST' });
    }).then(() => {
      if (joined) notify(t(joined.status === 'ACTIVE' ? 'account:membership.joined' : 'account:membership.requested',
        { city: this._city?.name ?? this.slug }), 'success');
    });
  }

  _leave(kind) {
    return this._act('self', () => api(this._path('/members/me'), { method: 'DELETE' }),
      t(`account:membership.done.${kind}`, { city: this._city?.name ?? this.slug }));
  }

  _decide(request, approve) {
    return this._act(`req-${request.accountId}`,
      () => api(this._path(`/requests/${request.accountId}/${approve ? 'approve' : 'reject'}`), { method: 'POST' }),
      t(approve ? 'account:manage.approved' : 'account:manage.rejected', { name: request.displayName }));
  }

  _setRole(member, role) {
    return this._act(`mem-${member.accountId}`,
      () => api(this._path(`/members/${member.accountId}/role`), { method: 'PUT', body: { role } }),
      t(role === 'COORDINATOR' ? 'account:manage.promoted' : 'account:manage.demoted', { name: member.displayName }));
  }

  _remove(member) {
    return this._act(`mem-${member.accountId}`,
      () => api(this._path(`/members/${member.accountId}`), { method: 'DELETE' }),
      t('account:manage.removed', { name: member.displayName }));
  }

  render() {
    if (!this.slug) return nothing;
    if (this._error) return html`<div class="acct-membership-box">${errorBox(this._error)}
      <button type="button" @click=${() => this._loadCity()}>${t('common:actions.retry')}</button></div>`;
    if (!this._city) return html`<div class="acct-membership-box">${loading()}</div>`;
    // The host page frames this box with its own heading (the city page's "Join the community").
    return html`<div class="acct-membership-box" data-testid="city-membership">
      <p class="muted">${t(this._city.joinPolicy === 'APPROVAL' ? 'account:membership.policyApproval'
        : 'account:membership.policyOpen')}</p>
      <div class="acct-membership-self" data-testid="membership-state">${this._renderSelf()}</div>
      ${this._managing ? this._renderManagement() : nothing}
    </div>`;
  }

  _renderSelf() {
    const city = this._city;
    const me = currentUser();
    if (!me) {
      return html`<p>${t('account:membership.visitor', { city: city.name })}</p>
        <p class="row"><a class="button button-primary" href=${signInHref()} data-testid="membership-signin">
          ${t('account:membership.signInToJoin')}</a>
          <a href=${signUpHref()}>${t('account:membership.createAccount')}</a></p>`;
    }
    const m = this._membership;
    const busy = this._busy === 'self';
    if (!m) {
      if (city.retired) return html`<p class="notice">${t('account:membership.retired', { city: city.name })}</p>`;
      const approval = city.joinPolicy === 'APPROVAL';
      return html`<p>${t(approval ? 'account:membership.askHint' : 'account:membership.joinHint', { city: city.name })}</p>
        <p><button type="button" class="primary" ?disabled=${busy} @click=${() => this._join()} data-testid="join">
          ${t(approval ? 'account:membership.ask' : 'account:membership.join')}</button></p>`;
    }
    if (m.status === 'PENDING') {
      return html`<p>${statusBadge('PENDING')} ${t('account:membership.pending', { city: city.name,
          when: formatRelative(m.requestedAt) })}</p>
        ${this._confirmable('self', 'withdraw', () => this._leave('withdraw'), busy)}`;
    }
    if (m.status === 'REJECTED') {
      return html`<p>${statusBadge('REJECTED')} ${t('account:membership.rejected', { city: city.name })}</p>
        <p class="row"><button type="button" ?disabled=${busy} @click=${() => this._join()} data-testid="join">
          ${t('account:membership.askAgain')}</button></p>`;
    }
    const coordinator = m.role === 'COORDINATOR';
    return html`<p class="success-box" data-testid="member-state">
        ${t(coordinator ? 'account:membership.coordinatorOf' : 'account:membership.memberOf', { city: city.name })}</p>
      ${this._confirmable('self', 'leave', () => this._leave('leave'), busy)}`;
  }

  /** A button that asks for confirmation in place before a destructive action. */
  _confirmable(key, action, run, busy, params = {}) {
    const args = { city: this._city?.name ?? this.slug, ...params };
    if (this._confirm === `${key}:${action}`) {
      return html`<div class="row acct-confirm" role="group" aria-label=${t(`account:membership.confirm.${action}`, args)}>
        <span>${t(`account:membership.confirm.${action}`, args)}</span>
        <button type="button" class="danger" ?disabled=${busy} @click=${run} data-testid="confirm-${action}">
          ${t(`account:membership.${action}`)}</button>
        <button type="button" @click=${() => { this._confirm = null; }}>${t('common:actions.cancel')}</button>
      </div>`;
    }
    return html`<p class="row"><button type="button" ?disabled=${busy} data-testid=${action}
        aria-label=${t(`account:membership.${action}Label`, args)}
        @click=${() => { this._confirm = `${key}:${action}`; }}>${t(`account:membership.${action}`)}</button></p>`;
  }

  _renderManagement() {
    const requests = this._requests;
    return html`<div class="acct-manage" data-testid="membership-manage">
      ${this._manageError ? errorBox(this._manageError) : nothing}
      <h3>${t('account:manage.requestsTitle')}
        ${requests?.total ? html`<span class="badge" data-testid="request-count">${formatNumber(requests.total)}</span>`
          : nothing}</h3>
      ${!requests ? loading() : requests.items.length ? html`<ul class="acct-list" data-testid="join-requests">
        ${requests.items.map((r) => this._request(r))}</ul>` : empty(t('account:manage.noRequests'))}
      <h3>${t('account:manage.membersTitle')}</h3>
      ${!this._members ? loading() : this._members.items.length ? html`<ul class="acct-list" data-testid="manage-members">
        ${this._members.items.map((m) => this._member(m))}</ul>
        ${pager(this._members, (p) => this._loadMembers(p))}` : empty(t('account:manage.noMembers'))}
    </div>`;
  }

  _request(r) {
    const busy = this._busy === `req-${r.accountId}`;
    return html`<li class="acct-membership" data-testid="join-request" data-account=${r.accountId}>
      <div class="acct-membership-main">
        <a href="/people/${r.accountId}">${r.displayName}</a>
        <p class="muted acct-small">${t('account:manage.requestedAt', { date: formatDate(r.requestedAt) })}</p>
      </div>
      <div class="row acct-actions">
        <button type="button" class="primary" ?disabled=${busy} @click=${() => this._decide(r, true)}
                aria-label=${t('account:manage.approveName', { name: r.displayName })} data-testid="approve">
          ${t('account:manage.approve')}</button>
        <button type="button" ?disabled=${busy} @click=${() => this._decide(r, false)}
                aria-label=${t('account:manage.rejectName', { name: r.displayName })} data-testid="reject">
          ${t('account:manage.reject')}</button>
      </div>
    </li>`;
  }

  _member(m) {
    const me = currentUser();
    const key = `mem-${m.accountId}`;
    const busy = this._busy === key;
    const coordinator = m.role === 'COORDINATOR';
    const self = me && m.accountId === me.id;
    // The API's rules: coordinators promote members and remove members; only administrators demote or remove
    // another coordinator.
    const canPromote = !coordinator;
    const canDemote = coordinator && me?.admin;
    const canRemove = !self && (!coordinator || me?.admin);
    return html`<li class="acct-membership" data-testid="manage-member" data-account=${m.accountId}>
      <div class="acct-membership-main">
        <a href="/people/${m.accountId}">${m.displayName}</a>
        ${coordinator ? html`<span class="badge">${t('account:roles.coordinator')}</span>` : nothing}
        ${self ? html`<span class="muted">${t('account:manage.you')}</span>` : nothing}
      </div>
      <div class="row acct-actions">
        ${canPromote ? html`<button type="button" ?disabled=${busy} @click=${() => this._setRole(m, 'COORDINATOR')}
            aria-label=${t('account:manage.promoteName', { name: m.displayName })} data-testid="promote">
            ${t('account:manage.promote')}</button>` : nothing}
        ${canDemote ? html`<button type="button" ?disabled=${busy} @click=${() => this._setRole(m, 'MEMBER')}
            aria-label=${t('account:manage.demoteName', { name: m.displayName })}>${t('account:manage.demote')}</button>` : nothing}
        ${canRemove ? this._confirmable(key, 'remove', () => this._remove(m), busy, { name: m.displayName }) : nothing}
      </div>
    </li>`;
  }
}

customElements.define('ccc-city-membership', CityMembership);
