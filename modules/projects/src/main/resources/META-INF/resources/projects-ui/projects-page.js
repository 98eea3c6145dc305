// Cross-city projects: /projects (the projects, and a form to start one) and /projects/:id (the goal, its cities on a
// map, the next milestone, the people with their expertise, its rooms, works and upcoming events (project-sections.js),
// and the needs with the people the directory suggests). On a project's page a person asks to join, or answers their
// invitation; its leads invite from the matches and decide requests.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, locale } from '/ui/core/i18n.js';
import { roomName } from '/ui/core/names.js';
import { fieldName } from '/ui/core/fields.js';
import { currentUser } from '/ui/core/session.js';
import { navigate } from '/ui/core/router.js';
import { errorBox, loading, pageReady, setTitle } from '/ui/core/view.js';
import { safeMessageHtml } from '/ui/core/safe-html.js';
import { allCities } from '/ui/components/acct-util.js';
import './project-sections.js';

function day(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function milestone(m) {
  if (!m) return html`<p data-testid="project-next-milestone">${t('projects:milestone.none')}</p>`;
  return html`<p data-testid="project-next-milestone">${t('projects:milestone.next')}
    <strong>${m.title}</strong>, <time datetime=${m.date}>${day(m.date)}</time></p>`;
}

function cities(p) {
  return p.cities.map((c) => c.name).join(', ');
}

class ProjectsPage extends CccElement {
  static properties = { _list: { state: true }, _error: { state: true }, _cities: { state: true },
    _fields: { state: true }, _formError: { state: true } };

  constructor() {
    super();
    this._cities = [];
    this._fields = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    setTitle(t('projects:list.title'));
    try {
      [this._list, this._cities, this._fields] = await Promise.all([api('/projects'), allCities(), api('/fields')]);
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
    pageReady(this);
  }

  async _create(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    const body = { title: f.get('title'), goal: f.get('goal'), cities: [f.get('city')],
      fields: f.get('field') ? [f.get('field')] : [], open: f.get('open') === 'on' };
    try {
      const created = await api('/projects', { method: 'POST', body });
      navigate(`/projects/${created.id}`);
    } catch (err) {
      this._formError = err;
    }
  }

  _form() {
    if (!currentUser()) return nothing;
    return html`<form class="stack card" data-testid="project-form" aria-labelledby="project-form-title"
        @submit=${(e) => this._create(e)}>
      <h2 id="project-form-title">${t('projects:form.title')}</h2>
      <p>${t('projects:form.intro')}</p>
      <label>${t('projects:form.name')} <input name="title" required maxlength="200"></label>
      <label>${t('projects:form.goal')} <textarea name="goal" rows="4" required></textarea></label>
      <label>${t('projects:form.city')} <select name="city" required>
        ${this._cities.map((c) => html`<option value=${c.slug}>${c.name}</option>`)}</select></label>
      <label>${t('projects:form.field')} <select name="field"><option value="">—</option>
        ${this._fields.map((x) => html`<option value=${x.slug}>${fieldName(x)}</option>`)}</select></label>
      <label><input type="checkbox" name="open" checked> ${t('projects:form.open')}</label>
      ${this._formError ? errorBox(this._formError) : nothing}
      <p><button type="submit">${t('projects:form.submit')}</button></p>
    </form>`;
  }

  render() {
    if (this._error) return errorBox(this._error);
    if (!this._list) return loading();
    const items = this._list.items;
    return html`<section class="page stack" data-testid="projects-page">
      <header class="page-head"><h1>${t('projects:list.title')}</h1><p>${t('projects:list.intro')}</p></header>
      ${items.length === 0 ? html`<p>${t('projects:list.none')}</p>` : nothing}
      <ul class="stack plain">${items.map((p) => html`<li class="card stack" data-testid="project-item"
          data-id=${p.id}>
        <h2><a href="/projects/${p.id}">${p.title}</a></h2>
        <p>${cities(p)} · ${t(p.open ? 'projects:open' : 'projects:closed')} ·
          ${t('projects:memberCount', { count: p.memberCount })}</p>
        ${milestone(p.nextMilestone)}
      </li>`)}</ul>
      ${this._form()}
    </section>`;
  }
}

class ProjectPage extends CccElement {
  static properties = { params: { attribute: false }, _project: { state: true }, _members: { state: true },
    _needs: { state: true }, _matches: { state: true }, _rooms: { state: true }, _error: { state: true },
    _status: { state: true }, _sendError: { state: true } };

  constructor() {
    super();
    this._matches = new Map();
  }

  async connectedCallback() {
    super.connectedCallback();
    await this._load();
    pageReady(this);
  }

  async _load() {
    const base = `/projects/${encodeURIComponent(this.params.id)}`;
    try {
      [this._project, this._members, this._needs] = await Promise.all([api(base), api(`${base}/members`),
        api(`${base}/needs`)]);
      this._error = null;
      const p = this._project;
      this._rooms = p.space ? await api(`/spaces/${p.space}/rooms`) : [];
      if (p.myState === 'active' || p.canEdit) {
        const found = await Promise.all(this._needs.items.map((n) => api(n.matches.replace(/^\/api/, ''))));
        this._matches = new Map(this._needs.items.map((n, i) => [n.id, found[i].items]));
      }
    } catch (e) {
      this._error = e;
    }
  }

  async _join() {
    await this._send(`/projects/${this._project.id}/members`, {}, 'projects:join.done');
  }

  async _invite(accountId) {
    await this._send(`/projects/${this._project.id}/members`, { accountId }, 'projects:invite.done');
  }

  async _decide(accountId, decision, done = decision) {
    await this._send(`/projects/${this._project.id}/members/${accountId}`, { decision }, `projects:decision.${done}`,
      'PATCH');
  }

  async _send(path, body, done, method = 'POST') {
    try {
      await api(path, { method, body });
      await this._load();
      this._status = t(done);
      this._sendError = null;
    } catch (e) {
      this._sendError = e;
    }
  }

  _people() {
    return html`<section aria-labelledby="project-people" class="stack">
      <h2 id="project-people">${t('projects:people.title')}</h2>
      <ul class="stack plain" data-testid="project-people">${this._members.items.map((m) => html`<li
          data-testid="project-member" data-id=${m.accountId}>
        <a href="/people/${m.accountId}">${m.displayName}</a> — ${t(`projects:role.${m.role}`)}
        ${m.state === 'active' ? nothing : html`(${t(`projects:state.${m.state}`)})`}
        ${m.city ? html` · ${m.city.name}` : nothing}
        ${m.expertise.length ? html` · ${m.expertise.join(', ')}` : nothing}
        ${m.state === 'requested' && this._project.canEdit ? this._decisions(m) : nothing}
      </li>`)}</ul>
    </section>`;
  }

  /** The rooms of the project's own space: its members talk there. */
  _roomList() {
    if (!this._rooms?.length) return nothing;
    return html`<section aria-labelledby="project-rooms" class="stack">
      <h2 id="project-rooms">${t('projects:rooms.title')}</h2>
      <p>${t('projects:rooms.intro')}</p>
      <ul class="stack plain" data-testid="project-rooms">${this._rooms.map((r) => html`<li>
        <a href="/rooms/${r.id}" data-testid="project-room" data-id=${r.id}>${roomName(r)}</a>
        ${r.topic ? html` · ${r.topic}` : nothing}</li>`)}</ul>
    </section>`;
  }

  /** A lead's answer to a join request. */
  _decisions(m) {
    return html`<span class="row" role="group" aria-label=${t('projects:decision.request', { name: m.displayName })}>
      <button type="button" data-testid="project-approve" @click=${() => this._decide(m.accountId, 'approve')}
        aria-label=${t('projects:decision.approveLabel', { name: m.displayName })}>
        ${t('projects:decision.approveButton')}</button>
      <button type="button" data-testid="project-decline" @click=${() => this._decide(m.accountId, 'decline')}
        aria-label=${t('projects:decision.declineLabel', { name: m.displayName })}>
        ${t('projects:decision.declineButton')}</button>
    </span>`;
  }

  /** The caller's own pending place: an invitation to answer, or a request waiting for a lead. */
  _myInvitation(p) {
    const me = currentUser();
    if (p.myState === 'requested') {
      return html`<p class="notice" data-testid="project-pending">${t('projects:join.pending')}</p>`;
    }
    if (p.myState !== 'invited' || !me) return nothing;
    return html`<section class="card stack" data-testid="project-invitation" aria-labelledby="project-invitation">
      <h2 id="project-invitation">${t('projects:invitation.title')}</h2>
      <p>${t('projects:invitation.text')}</p>
      <p class="row">
        <button type="button" data-testid="project-accept" @click=${() => this._decide(me.id, 'accept')}>
          ${t('projects:invitation.accept')}</button>
        <button type="button" data-testid="project-refuse" @click=${() => this._decide(me.id, 'decline', 'refuse')}>
          ${t('projects:invitation.decline')}</button>
      </p>
    </section>`;
  }

  _need(n) {
    const matches = this._matches.get(n.id);
    const lead = this._project.canEdit;
    return html`<li class="card stack" data-testid="project-need" data-id=${n.id}>
      <h3>${n.skill}</h3>
      ${n.description ? html`<p>${n.description}</p>` : nothing}
      <p>${[...n.fields, ...n.languages, n.city?.name].filter(Boolean).join(' · ')}</p>
      ${matches ? html`<h4>${t('projects:matches.title')}</h4>
        ${matches.length === 0 ? html`<p>${t('projects:matches.none')}</p>` : nothing}
        <ul class="stack plain">${matches.map((m) => html`<li data-testid="project-match" data-id=${m.accountId}>
          <a href="/people/${m.accountId}">${m.displayName}</a>
          ${m.city ? html` · ${m.city.name}` : nothing} · ${m.expertise.join(', ')}
          · ${t('projects:matches.reasons', { reasons: m.reasons.map((r) => t(`projects:reason.${r}`)).join(', ') })}
          ${m.state ? html` · <span data-testid="project-match-state">${t(`projects:state.${m.state}`)}</span>`
            : nothing}
          ${lead && !m.state ? html`<button type="button" data-testid="project-invite"
            aria-label=${t('projects:invite.label', { name: m.displayName })}
            @click=${() => this._invite(m.accountId)}>${t('projects:invite.button')}</button>` : nothing}
        </li>`)}</ul>` : nothing}
    </li>`;
  }

  render() {
    if (this._error) return errorBox(this._error);
    const p = this._project;
    if (!p) return loading();
    setTitle(p.title);
    const canJoin = currentUser() && !p.myState && p.open;
    return html`<article class="page stack" data-testid="project-page">
      <h1>${p.title}</h1>
      <p>${cities(p)} · ${p.fields.join(', ')} · ${t(p.open ? 'projects:open' : 'projects:closed')}</p>
      <div data-testid="project-goal">${safeMessageHtml(p.goalHtml)}</div>
      ${milestone(p.nextMilestone)}
      <ccc-project-map .cities=${p.cities}></ccc-project-map>
      ${canJoin ? html`<p><button type="button" data-testid="project-join" @click=${() => this._join()}>
        ${t('projects:join.button')}</button></p>` : nothing}
      ${this._myInvitation(p)}
      <p role="status" data-testid="project-status">${this._status ?? ''}</p>
      ${this._sendError ? errorBox(this._sendError) : nothing}
      ${this._people()}
      ${this._roomList()}
      ${p.space ? html`<ccc-project-works .project=${p}></ccc-project-works>
        <ccc-project-events .project=${p}></ccc-project-events>` : nothing}
      <section aria-labelledby="project-needs" class="stack">
        <h2 id="project-needs">${t('projects:needs.title')}</h2>
        ${this._needs.items.length === 0 ? html`<p>${t('projects:needs.none')}</p>` : nothing}
        <ul class="stack plain">${this._needs.items.map((n) => this._need(n))}</ul>
      </section>
    </article>`;
  }
}

customElements.define('ccc-projects-page', ProjectsPage);
customElements.define('ccc-project-page', ProjectPage);
