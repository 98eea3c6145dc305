// Admin console, "Audit log": every moderation decision, newest first, in pages: who did what, to whom, where
// (the room and its space, with their names) and when.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, translateOr, formatDateTime, formatNumber } from '../core/i18n.js';
import { loading, errorBox, empty, pageReady, pager } from '../core/view.js';
import { spaceName, roomName } from '../core/names.js';

const names = new Map();

/** A room, space or person, fetched once; null when it cannot be read (then its number is shown). */
function nameOf(kind, id) {
  const key = `${kind}/${id}`;
  if (!names.has(key)) names.set(key, api(`/${kind}/${id}`).then((x) => x, () => null));
  return names.get(key);
}

class AdminAudit extends CccElement {
  static properties = {
    _result: { state: true },
    _error: { state: true },
    _places: { state: true },
  };

  constructor() {
    super();
    this._result = null;
    this._error = null;
    this._places = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this._load(1).then(() => pageReady(this));
  }

  async _load(page) {
    try {
      this._result = await api('/admin/audit', { query: { page, size: 50 } });
      this._error = null;
      this._resolvePlaces(this._result.items);
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
  }

  async _resolvePlaces(items) {
    const wanted = new Set();
    for (const e of items) {
      if (e.room) wanted.add(`rooms/${e.room}`);
      if (e.space) wanted.add(`spaces/${e.space}`);
      if (e.targetAccountId) wanted.add(`people/${e.targetAccountId}`);
    }
    await Promise.all([...wanted].map(async (key) => {
      const [kind, id] = key.split('/');
      const found = await nameOf(kind, id);
      this._places = { ...this._places, [key]: found };
    }));
  }

  _where(entry) {
    const room = entry.room ? this._places[`rooms/${entry.room}`] : null;
    const space = entry.space ? this._places[`spaces/${entry.space}`] : null;
    const roomLabel = (room && roomName(room)) || (entry.room ? t('admin:audit.roomNumber', { id: String(entry.room) }) : null);
    const spaceLabel = (space && spaceName(space)) || (entry.space ? t('admin:audit.spaceNumber', { id: String(entry.space) }) : null);
    return html`${roomLabel ? html`<a href=${`/rooms/${entry.room}`}>${roomLabel}</a>` : nothing}
      ${spaceLabel ? html`<span class="muted">${roomLabel ? t('admin:audit.inSpace', { space: spaceLabel }) : spaceLabel}
        ${space?.city ? html` · <a href=${`/cities/${space.city}`}>${space.city}</a>` : nothing}</span>` : nothing}
      ${!roomLabel && !spaceLabel ? '—' : nothing}`;
  }

  render() {
    return html`<section class="admin-section" aria-labelledby="admin-audit-title">
      <h1 id="admin-audit-title">${t('admin:sections.audit')}</h1>
      <p class="muted">${t('admin:audit.intro')}</p>
      ${this._error ? errorBox(this._error) : !this._result ? loading() : this._renderTable()}
    </section>`;
  }

  _renderTable() {
    const r = this._result;
    if (!r.items.length) return empty(t('admin:audit.none'));
    return html`<div class="table-wrap"><table data-testid="admin-audit-table">
        <caption class="visually-hidden">${t('admin:sections.audit')}</caption>
        <thead><tr><th scope="col">${t('admin:audit.columns.when')}</th><th scope="col">${t('admin:audit.columns.who')}</th>
          <th scope="col">${t('admin:audit.columns.what')}</th><th scope="col">${t('admin:audit.columns.target')}</th>
          <th scope="col">${t('admin:audit.columns.where')}</th></tr></thead>
        <tbody>${r.items.map((e) => html`<tr data-testid="admin-audit-entry">
          <td><time datetime=${e.createdAt}>${formatDateTime(e.createdAt)}</time></td>
          <td><a href=${`/people/${e.actorId}`}>${e.actorName}</a></td>
          <td><strong>${translateOr(`admin:audit.actions.${e.action}`, e.action)}</strong>
            ${e.detail ? html`<br><span class="muted">${e.detail}</span>` : nothing}
            ${e.before != null || e.after != null ? html`<br><span class="muted" data-testid="admin-audit-change">${
              e.before ?? '—'} → ${e.after ?? '—'}</span>` : nothing}</td>
          <td>${e.targetAccountId ? html`<a href=${`/people/${e.targetAccountId}`}>${
            this._places[`people/${e.targetAccountId}`]?.displayName
              || t('admin:audit.account', { id: String(e.targetAccountId) })}</a>` : nothing}
            ${e.targetSeq ? html`<br><span class="muted">${t('admin:audit.message', { seq: formatNumber(e.targetSeq) })}</span>`
              : nothing}
            ${e.subject && !e.targetAccountId ? e.subject : nothing}
            ${!e.targetAccountId && !e.targetSeq && !e.subject ? '—' : nothing}</td>
          <td>${this._where(e)}</td>
        </tr>`)}</tbody>
      </table></div>
      ${pager(r, (page) => this._load(page))}`;
  }
}

customElements.define('ccc-admin-audit', AdminAudit);
