// A work's history: every version (number, authors, time, note), a comparison of any two as a line and word
// diff, and, for its authors, restoring an old version as a new one.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatDateTime } from '../core/i18n.js';
import { api } from '../core/api.js';
import { notify } from '../core/notify.js';
import { loading, errorBox } from '../core/view.js';

class WorkHistory extends CccElement {
  static properties = {
    work: { attribute: false },
    _versions: { state: true },
    _diff: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this.work = null;
    this._versions = null;
    this._diff = null;
    this._error = null;
    this._loadedFor = null;
  }

  willUpdate(changed) {
    const key = this.work ? `${this.work.id}/${this.work.version}` : null;
    if (changed.has('work') && key && key !== this._loadedFor) {
      this._loadedFor = key;
      this._load();
    }
  }

  async _load() {
    try {
      const versions = await api(`/works/${this.work.id}/versions`);
      this._versions = [...versions].sort((x, y) => x.number - y.number);
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  async _compare(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      this._diff = await api(`/works/${this.work.id}/diff`, { query: { from: form.get('from'), to: form.get('to') } });
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  async _restore(n) {
    try {
      const work = await api(`/works/${this.work.id}/versions/${n}/restore`, { method: 'POST' });
      notify(t('works:history.restored', { n }));
      this.dispatchEvent(new CustomEvent('work-changed', { detail: work, bubbles: true, composed: true }));
    } catch (e) {
      this._error = e;
    }
  }

  _words(change) {
    return change.words.map((w) => (w.type === 'equal' ? w.from
      : w.type === 'insert' ? html`<ins>${w.to}</ins>`
        : w.type === 'delete' ? html`<del>${w.from}</del>`
          : html`<del>${w.from}</del><ins>${w.to}</ins>`));
  }

  /** A JSON content's structured diff (collections, plugin kinds): one line per changed part, by its path. */
  _structured(d) {
    if (!d.structured?.length) return nothing;
    const value = (v) => html`<code>${JSON.stringify(v)}</code>`;
    return html`<ul class="diff-structured" data-testid="work-diff-structured">${d.structured.map((c) => html`<li>
      <code>${c.path || '/'}</code>: ${c.op === 'add' ? html`<ins>${value(c.after)}</ins>`
        : c.op === 'remove' ? html`<del>${value(c.before)}</del>`
          : html`<del>${value(c.before)}</del> → <ins>${value(c.after)}</ins>`}</li>`)}</ul>`;
  }

  _diffView(d) {
    return html`<div class="work-diff" data-testid="work-diff">
      <h3>${t('works:history.diffTitle', { from: d.from, to: d.to })}</h3>
      ${this._structured(d)}
      <p class="muted">${t('works:history.added', { count: d.added })} · ${t('works:history.removed', { count: d.removed })}</p>
      ${d.changes.length === 0 ? html`<p>${t('works:history.same')}</p>` : d.changes.map((c) => html`<div class="diff-block">
        ${c.words?.length ? html`<p class="diff-words">${this._words(c)}</p>` : html`
          ${c.fromLines.map((l) => html`<p class="diff-line diff-del"><span aria-hidden="true">− </span><del>${l}</del></p>`)}
          ${c.toLines.map((l) => html`<p class="diff-line diff-ins"><span aria-hidden="true">+ </span><ins>${l}</ins></p>`)}`}
      </div>`)}
    </div>`;
  }

  render() {
    const w = this.work;
    if (!w) return nothing;
    const v = this._versions;
    return html`<section class="card stack" aria-labelledby="work-history" data-testid="work-history">
      <h2 id="work-history">${t('works:history.title')}</h2>
      <p class="muted">${t('works:history.intro')}</p>
      ${errorBox(this._error)}
      ${!v ? loading() : html`
        <ol class="work-versions" reversed>${[...v].reverse().map((x) => html`<li data-testid="work-version">
          <strong>${t('works:work.version', { n: x.number })}</strong> · ${formatDateTime(x.createdAt)}
          · ${x.authors.map((a) => a.displayName).join(', ')} · ${x.message || t('works:history.noMessage')}
          ${w.canEdit && x.number !== w.version ? html`<button type="button" class="link"
            @click=${() => this._restore(x.number)}>${t('works:history.restore')}</button>` : nothing}</li>`)}</ol>
        ${v.length > 1 ? html`<form class="inline-form" data-testid="work-compare" @submit=${this._compare}>
          <label>${t('works:history.from')} <select name="from">${v.map((x) => html`<option value=${x.number}
            ?selected=${x.number === v[v.length - 2].number}>${x.number}</option>`)}</select></label>
          <label>${t('works:history.to')} <select name="to">${v.map((x) => html`<option value=${x.number}
            ?selected=${x.number === v[v.length - 1].number}>${x.number}</option>`)}</select></label>
          <button type="submit">${t('works:history.compare')}</button>
        </form>` : nothing}
        ${this._diff ? this._diffView(this._diff) : nothing}`}
    </section>`;
  }
}

customElements.define('ccc-work-history', WorkHistory);
