// The header's unread-mentions link: the count from GET /api/me/mentions?unread=true, kept current by the live
// connection's `mention` frames and by "ccc-mentions-changed" (the mentions page marking some read).
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, loadNamespaces, formatNumber } from '../core/i18n.js';
import { currentUser } from '../core/session.js';
import { live } from '../core/live.js';

class MentionsBadge extends CccElement {
  static properties = {
    _count: { state: true },
    _failed: { state: true },
    _ready: { state: true },
  };

  constructor() {
    super();
    this._count = 0;
    this._failed = false;
    this._ready = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._refresh = () => this._load();
    this._onMention = () => this._load();
    window.addEventListener('ccc-mentions-changed', this._refresh);
    live().addEventListener('mention', this._onMention);
    // Mentions arrive on the tab's live connection, so the badge keeps it open while someone is signed in.
    this._release = live().retain();
    loadNamespaces('room').then(() => { this._ready = true; });
    this._load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('ccc-mentions-changed', this._refresh);
    live().removeEventListener('mention', this._onMention);
    this._release?.();
  }

  async _load() {
    if (!currentUser()) return;
    try {
      const page = await api('/me/mentions', { query: { unread: true, size: 1 } });
      this._count = page.total;
      this._failed = false;
    } catch (e) {
      console.error(e);
      this._failed = true;
    }
  }

  render() {
    if (!this._ready) return nothing;
    const label = this._failed ? t('room:mentions.badgeFailed') : t('room:mentions.badge', { count: this._count });
    return html`<a class="mentions-link" href="/mentions" data-testid="mentions-link" aria-label=${label} title=${label}>
      <span aria-hidden="true">@</span><span class="mentions-text">${t('room:mentions.short')}</span>
      ${this._count > 0 ? html`<span class="badge mentions-count" data-testid="mentions-count">${formatNumber(this._count)}</span>`
        : nothing}${this._failed ? html`<span class="mentions-failed" aria-hidden="true">!</span>` : nothing}
    </a>`;
  }
}

customElements.define('ccc-mentions-badge', MentionsBadge);
