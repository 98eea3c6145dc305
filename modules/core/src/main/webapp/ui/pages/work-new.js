// Start a work (/works/new): kind, title, summary, the first text (or a collection's items, or a plugin kind's
// content in its own element), fields, languages, tags and a licence. The draft is created with version 1 and the
// caller as its creator.
import { html } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser } from '../core/session.js';
import { navigate } from '../core/router.js';
import { notify } from '../core/notify.js';
import { fieldName } from '../core/fields.js';
import { errorBox, setTitle, pageReady } from '../core/view.js';
import { signInHref } from '../components/acct-util.js';
import { LICENCES, parseItems, splitList } from '../components/work-util.js';
import { isPluginKind, kindLabel, workKinds } from '../components/work-kind.js';

class WorkNewPage extends CccElement {
  static properties = {
    _fields: { state: true },
    _kind: { state: true },
    _kinds: { state: true },
    _draft: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  constructor() {
    super();
    this._fields = [];
    this._kind = 'text';
    this._kinds = [{ kind: 'text' }, { kind: 'collection' }];
    this._draft = {};
    this._error = null;
    this._busy = false;
  }

  sessionChanged() {
    this.requestUpdate();
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      [this._fields, this._kinds] = await Promise.all([api('/fields'), workKinds()]);
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
    pageReady(this);
  }

  async _submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {
      kind: this._kind,
      title: form.get('title'),
      summary: form.get('summary') || null,
      content: this._content(form),
      fields: form.getAll('fields'),
      languages: splitList(form.get('languages')),
      tags: splitList(form.get('tags')),
      licence: form.get('licence'),
      message: form.get('message') || null,
    };
    this._busy = true;
    this._error = null;
    try {
      const work = await api('/works', { method: 'POST', body });
      notify(t('works:new.created'));
      navigate(`/works/${work.id}`);
    } catch (e) {
      this._error = e;
    } finally {
      this._busy = false;
    }
  }

  _content(form) {
    if (isPluginKind(this._kind)) return this._draft;
    return this._kind === 'text' ? form.get('content') : { items: parseItems(form.get('items')) };
  }

  _contentInput() {
    if (isPluginKind(this._kind)) {
      return html`<ccc-work-kind .kind=${this._kind} .content=${this._draft} editable
        @work-content-change=${(e) => { this._draft = e.detail.content; }}></ccc-work-kind>`;
    }
    return this._kind === 'text'
      ? html`<label>${t('works:new.content')} <textarea name="content" rows="12"></textarea></label>`
      : html`<label>${t('works:new.items')} <textarea name="items" rows="6"></textarea></label>`;
  }

  render() {
    setTitle(t('works:new.title'));
    if (!currentUser()) {
      return html`<section class="page"><h1>${t('works:new.title')}</h1>
        <p><a href=${signInHref()}>${t('works:new.signIn')}</a></p></section>`;
    }
    return html`<section class="page stack" data-testid="work-new">
      <h1>${t('works:new.title')}</h1>
      <p>${t('works:new.intro')}</p>
      ${errorBox(this._error)}
      <form class="stack" @submit=${this._submit}>
        <fieldset><legend>${t('works:new.kind')}</legend>
          ${this._kinds.map(({ kind: k, description }) => html`<label title=${description || ''}><input type="radio"
            name="kind" value=${k} ?checked=${this._kind === k}
            @change=${() => { this._kind = k; this._draft = {}; }}> ${kindLabel(k)}</label>`)}
        </fieldset>
        <label>${t('works:new.titleLabel')} <input name="title" required maxlength="200"></label>
        <label>${t('works:new.summary')} <textarea name="summary" rows="2" maxlength="1000"></textarea></label>
        ${this._contentInput()}
        <fieldset><legend>${t('works:new.fields')}</legend>
          ${this._fields.map((f) => html`<label><input type="checkbox" name="fields" value=${f.slug}> ${fieldName(f)}</label>`)}
        </fieldset>
        <label>${t('works:new.languages')} <input name="languages" placeholder="en, fr"></label>
        <label>${t('works:new.tags')} <input name="tags"></label>
        <label>${t('works:new.licence')} <select name="licence">
          ${LICENCES.map((l) => html`<option value=${l.spdx} ?selected=${l.spdx === 'CC-BY-SA-4.0'}>${l.name}</option>`)}
        </select></label>
        <label>${t('works:new.message')} <input name="message" maxlength="500"></label>
        <p><button type="submit" ?disabled=${this._busy}>${t('works:new.create')}</button></p>
      </form>
    </section>`;
  }
}

customElements.define('ccc-work-new-page', WorkNewPage);
