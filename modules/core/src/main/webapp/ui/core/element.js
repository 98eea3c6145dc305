// The base of every UI component: a LitElement that renders into the light DOM (one global stylesheet, forms and
// labels that assistive technology and tests see as ordinary HTML) and re-renders when the language changes.
import { LitElement } from 'lit';

export class CccElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._onLocale = () => this.requestUpdate();
    window.addEventListener('ccc-locale-changed', this._onLocale);
  }

  disconnectedCallback() {
    window.removeEventListener('ccc-locale-changed', this._onLocale);
    super.disconnectedCallback();
  }
}
