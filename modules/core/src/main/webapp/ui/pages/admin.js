// The admin console (/admin, /admin/:section), in the manner of Mattermost's System Console: a list of sections on
// the side (stacked above on phones) and the chosen section on the right. Administrators only: everyone else is told
// so (and the server refuses their calls anyway).
import { html } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { currentUser } from '../core/session.js';
import { pageReady, setTitle } from '../core/view.js';

const SECTIONS = [
  { id: 'plugins', tag: 'ccc-admin-plugins', load: () => import('../components/admin-plugins.js') },
  { id: 'cities', tag: 'ccc-admin-cities', load: () => import('../components/admin-cities.js') },
  { id: 'fields', tag: 'ccc-admin-fields', load: () => import('../components/admin-fields.js') },
  { id: 'members', tag: 'ccc-admin-members', load: () => import('../components/admin-members.js') },
  { id: 'audit', tag: 'ccc-admin-audit', load: () => import('../components/admin-audit.js') },
  // Owned by the notification centre (modules/notifications), as its bell and pages are; its label is in its bundle.
  { id: 'mail', tag: 'ccc-admin-mail', load: () => import('/notifications-ui/admin-mail.js'),
    label: 'notifications:adminMail.section' },
  { id: 'announcements', tag: 'ccc-admin-announce', load: () => import('/notifications-ui/admin-announce.js'),
    label: 'notifications:announce.section' },
];

const label = (section) => t(section.label ?? `admin:sections.${section.id}`);

class AdminPage extends CccElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    _element: { state: true },
    _loadError: { state: true },
  };

  constructor() {
    super();
    this.params = {};
    this._element = null;
    this._loadError = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._show();
  }

  sessionChanged() {
    this._show();
  }

  get _section() {
    return SECTIONS.find((s) => s.id === (this.params?.section || 'plugins'));
  }

  async _show() {
    const section = this._section;
    const me = currentUser();
    if (!me?.admin || !section) {
      this._element = null;
      setTitle(t(section ? 'admin:title' : 'admin:unknownSection.title'));
      await this.updateComplete;
      pageReady(this);
      return;
    }
    setTitle(`${label(section)} · ${t('admin:title')}`);
    if (this._element?.localName === section.tag) return;
    try {
      await section.load();
      const element = document.createElement(section.tag);
      element.query = this.query;
      this._element = element;
    } catch (e) {
      this._loadError = e;
      await this.updateComplete;
      pageReady(this);
    }
  }

  render() {
    const me = currentUser();
    if (!me?.admin) {
      return html`<section class="page admin-refusal" data-testid="admin-refusal">
        <h1>${t('admin:title')}</h1>
        <div class="notice" role="alert">
          <p><strong>${t('admin:refusal.title')}</strong></p>
          <p>${me ? t('admin:refusal.signedIn') : t('admin:refusal.signedOut')}</p>
          ${me ? html`<p><a href="/">${t('admin:refusal.home')}</a></p>`
            : html`<p><a href="/signin">${t('common:account.signIn')}</a></p>`}
        </div>
      </section>`;
    }
    const current = this._section;
    return html`<div class="admin-console">
      <nav class="admin-nav" aria-label=${t('admin:nav.label')}>
        <p class="admin-nav-title">${t('admin:title')}</p>
        <ul>
          ${SECTIONS.map((s) => html`<li><a href=${`/admin/${s.id}`} data-testid=${`admin-nav-${s.id}`}
            aria-current=${s === current ? 'page' : 'false'}>${label(s)}</a></li>`)}
        </ul>
      </nav>
      <div class="admin-content">
        ${current ? (this._loadError
          ? html`<div class="error-box" role="alert"><p>${t('common:errors.pageFailed')}</p></div>`
          : this._element)
          : html`<h1>${t('admin:unknownSection.title')}</h1><p>${t('admin:unknownSection.text')}</p>`}
      </div>
    </div>`;
  }
}

customElements.define('ccc-admin-page', AdminPage);
