// The application shell: header (navigation, language, account), the routed page in <main>, and the footer.
import { html, svg, nothing } from 'lit';
import { CccElement } from './core/element.js';
import { t, loadNamespaces, locale, setLocale, LOCALES, localeName } from './core/i18n.js';
import { currentUser, restoreSession, signOut } from './core/session.js';
import { match, prepare, navigate, interceptLinks, earlyAnswers } from './core/router.js';
import { askEarly } from './core/api.js';
import { notify, notifyError } from './core/notify.js';
import { signInHref, signUpHref } from './core/session.js';

// The logo is drawn inline (it is the favicon's drawing; the shell's icon is a data: address): no request for either.
const LOGO = svg`<svg class="brand-logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="7" fill="#0b5cad"/><circle cx="11" cy="12" r="4" fill="#fff"/><circle cx="21" cy="12" r="4" fill="#ffd166"/><circle cx="16" cy="21" r="4" fill="#8fd3ff"/></svg>`;

class CccApp extends CccElement {
  static properties = {
    _page: { state: true },
    _error: { state: true },
    _ready: { state: true },
    _menuOpen: { state: true },
  };

  constructor() {
    super();
    this._page = null;
    this._error = null;
    this._ready = false;
    this._menuOpen = false;
    this._routeToken = 0;
    this._bellAsked = false;
  }

  async connectedCallback() {
    super.connectedCallback();
    interceptLinks(this);
    this.addEventListener('ccc-page-ready', () => {
      performance.clearMarks('ccc-rendered');
      performance.mark('ccc-rendered');
      this._show();
    });
    window.addEventListener('popstate', () => this._route());
    window.addEventListener('ccc-navigate', () => this._route());
    window.addEventListener('ccc-session-changed', () => this.requestUpdate());
    // The shell's strings and the first page's in one request, the first page's module, its answers that need the
    // reader's token (routes.js `early`) and who is signed in meanwhile: none waits for another (the shell preloads
    // the first two, RoutePreloads).
    const found = match(location.pathname);
    const first = found?.route;
    first?.module?.().catch(() => {});
    const strings = loadNamespaces('common', ...(first?.ns ?? []));
    const restored = restoreSession();
    // After /api/me, which the header waits for: on HTTP/1.1 the browser asks six at a time, in order.
    askEarly(earlyAnswers(found));
    const [, session] = await Promise.allSettled([strings, restored]);
    if (session.status === 'rejected') notifyError(session.reason);
    this._ready = true;
    await this._route();
  }

  /**
   * Swaps the server's first view of the address (ShellPages: the page's top, painted with the shell) for what this
   * UI has drawn, in one frame; until then what it draws is out of sight (the shell's style). The view is removed,
   * not hidden, so that only one page is in the document. Done when the page says it shows its content, at once for
   * a page that fails or is not found, and at the latest 5 s after it was drawn.
   */
  _show() {
    const swap = () => {
      this.toggleAttribute('data-shown', true);
      this.querySelector(':scope > .server-page')?.remove();
      this._bell();
    };
    // The first view goes only once it has been painted (it is the page's first and largest paint): a UI that is
    // ready before the browser has painted anything (its answers preloaded, a busy main thread) waits for the first
    // contentful paint, or 1 s in a tab that paints nothing. (Waiting two animation frames was not enough: Chromium
    // can run them before its first paint.)
    if (!this.querySelector(':scope > .server-page') || performance.getEntriesByName('first-contentful-paint').length) {
      swap();
    } else {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          swap();
        }
      }).observe({ type: 'paint', buffered: true });
      setTimeout(swap, 1000);
    }
  }

  async _route() {
    const token = ++this._routeToken;
    if (token > 1) this._show();
    this._menuOpen = false;
    const found = match(location.pathname);
    if (!found) {
      this._page = { notFound: true };
      this._show();
      document.title = `${t('common:notFound.title')} · ${t('common:brand')}`;
      await this.updateComplete;
      performance.mark('ccc-rendered');
      return;
    }
    try {
      await prepare(found.route);
    } catch (e) {
      if (token !== this._routeToken) return;
      this._error = e;
      this._page = null;
      this._show();
      return;
    }
    if (token !== this._routeToken) return;
    this._error = null;
    const element = document.createElement(found.route.tag);
    element.params = found.params;
    element.query = new URLSearchParams(location.search);
    this._page = { element };
    await this.updateComplete;
    setTimeout(() => this._show(), 5000);
    // Move focus to the new page for keyboard and screen-reader users, as a full page load would.
    const main = this.querySelector('main');
    if (main && document.activeElement !== document.body && !main.contains(document.activeElement)) {
      main.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  async _signOut() {
    try {
      await signOut();
      notify(t('common:account.signedOut'), 'success');
      navigate('/');
    } catch (e) {
      notifyError(e);
    }
  }

  async _switchLocale(e) {
    await setLocale(e.target.value);
  }

  render() {
    if (!this._ready) {
      return html`<div class="boot" aria-busy="true"></div>`;
    }
    const me = currentUser();
    return html`
      <a class="skip-link" href="#main">${t('common:skipToContent')}</a>
      <header class="site-header">
        <a class="brand" href="/" aria-label=${t('common:brandHome')}>
          ${LOGO}<span>${t('common:brand')}</span>
        </a>
        <button class="menu-toggle" type="button" aria-expanded=${this._menuOpen ? 'true' : 'false'}
                aria-controls="site-nav" @click=${() => { this._menuOpen = !this._menuOpen; }}>
          ${t('common:nav.menu')}
        </button>
        <nav id="site-nav" class=${this._menuOpen ? 'site-nav open' : 'site-nav'} aria-label=${t('common:nav.label')}>
          <ul>
            ${this._navLink('/', t('common:nav.network'))}
            ${this._navLink('/cities', t('common:nav.cities'))}
            ${this._navLink('/people', t('common:nav.people'))}
            ${this._navLink('/works', t('common:nav.works'))}
            ${this._navLink('/events', t('common:nav.events'))}
            ${this._navLink('/projects', t('common:nav.projects'))}
            ${this._navLink('/search', t('common:nav.search'))}
            ${me?.admin ? this._navLink('/admin', t('common:nav.admin')) : nothing}
          </ul>
          <div class="header-tools">
            ${me ? html`<ccc-notification-bell></ccc-notification-bell>` : nothing}
            <label class="locale-switch">
              <span class="visually-hidden">${t('common:language')}</span>
              <select @change=${this._switchLocale} data-testid="locale-switch">
                ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === locale()}>${localeName(l)}</option>`)}
              </select>
            </label>
            ${me ? html`
              <a class="account-link" href="/me" data-testid="account-link">${me.displayName}</a>
              <button type="button" class="button-link" @click=${this._signOut} data-testid="sign-out">
                ${t('common:account.signOut')}</button>`
              : html`
              <a href=${signInHref()} data-testid="sign-in-link">${t('common:account.signIn')}</a>
              <a class="button button-primary" href=${signUpHref()}>${t('common:account.signUp')}</a>`}
          </div>
        </nav>
      </header>
      <main id="main" tabindex="-1">
        ${this._error ? html`<div class="error-panel" role="alert"><h1>${t('common:errors.pageFailed')}</h1>
          <p>${this._error.message}</p></div>` : nothing}
        ${this._page?.notFound ? html`<section class="page"><h1>${t('common:notFound.title')}</h1>
          <p>${t('common:notFound.text')}</p><p><a href="/">${t('common:notFound.home')}</a></p></section>` : nothing}
        ${this._page?.element ?? nothing}
      </main>
      <footer class="site-footer">
        <p>${t('common:footer.text')}</p>
        <p><a href="/openapi">${t('common:footer.api')}</a></p>
      </footer>`;
  }

  _navLink(href, label) {
    const active = href === '/' ? location.pathname === '/' : location.pathname.startsWith(href);
    return html`<li><a href=${href} aria-current=${active ? 'page' : 'false'}>${label}</a></li>`;
  }

  updated() {
    if (this.hasAttribute('data-shown')) this._bell();
  }

  /**
   * The notification bell's module, for someone signed in, once the page is shown and painted: its module,
   * strings and first answer never share the connections with what the page's first paint waits for.
   */
  _bell() {
    if (!currentUser() || customElements.get('ccc-notification-bell') || this._bellAsked) return;
    this._bellAsked = true;
    const load = () => import('/notifications-ui/bell.js').catch((e) => {
      this._bellAsked = false;
      console.error(e);
    });
    // After the next frame, in which the page is painted (a timeout set in an animation frame runs after it).
    requestAnimationFrame(() => setTimeout(load, 0));
  }
}

customElements.define('ccc-app', CccApp);
