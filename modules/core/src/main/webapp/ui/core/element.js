// The base of every UI component: a LitElement that renders into the light DOM (one global stylesheet, forms and
// labels that assistive technology and tests see as ordinary HTML), re-renders when the language changes, and
// calls its sessionChanged() method, if it has one, when someone signs in or out.
import { LitElement } from 'lit';

export class CccElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._onLocale = () => this.requestUpdate();
    window.addEventListener('ccc-locale-changed', this._onLocale);
    if (this.sessionChanged) {
      this._onSessionChanged = () => this.sessionChanged();
      window.addEventListener('ccc-session-changed', this._onSessionChanged);
    }
  }

  disconnectedCallback() {
    window.removeEventListener('ccc-locale-changed', this._onLocale);
    if (this._onSessionChanged) window.removeEventListener('ccc-session-changed', this._onSessionChanged);
    super.disconnectedCallback();
  }
}
