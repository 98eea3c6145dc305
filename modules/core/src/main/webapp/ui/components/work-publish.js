// A work's images and their alt text (ccc-work-media-alt: publishing needs it, and this panel lists the images that
// still lack it, each linked to its field), its publication by consent (ask, agree, who is still to agree), its co-authors (invite, join an open
// work) and its remix (fork under a compatible licence). Each change is announced with a "work-changed" event
// carrying the work as the server now has it.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatRelative } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser } from '../core/session.js';
import { navigate } from '../core/router.js';
import { notify } from '../core/notify.js';
import { errorBox } from '../core/view.js';
import { LICENCES } from './work-util.js';
import { focusAltField, altFieldId } from './work-media-alt.js';

class WorkPublish extends CccElement {
  static properties = {
    work: { attribute: false },
    _error: { state: true },
    _audience: { state: true },
    _missing: { state: true },
  };

  constructor() {
    super();
    this.work = null;
    this._error = null;
    this._audience = 'everyone';
    this._missing = [];
  }

  _changed(work) {
    this.dispatchEvent(new CustomEvent('work-changed', { detail: work, bubbles: true, composed: true }));
  }

  async _call(path, body, message) {
    this._error = null;
    try {
      const work = await api(`/works/${this.work.id}${path}`, { method: 'POST', body });
      notify(message(work));
      this._changed(work);
      return work;
    } catch (e) {
      this._error = e;
      return null;
    }
  }

  _publish(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { audience: form.get('audience'), licence: form.get('licence') };
    if (body.audience === 'space') body.spaceId = Number(form.get('spaceId'));
    this._call('/publish', body, (w) => (w.status === 'PUBLISHED' ? t('works:publish.published') : t('works:publish.agreed')));
  }

  _agree() {
    this._call('/publish', {}, (w) => (w.status === 'PUBLISHED' ? t('works:publish.published') : t('works:publish.agreed')));
  }

  _invite(event) {
    event.preventDefault();
    const accountId = Number(new FormData(event.target).get('accountId'));
    this._call('/authors', { accountId }, (w) => t('works:authors.added', {
      name: w.authors.find((a) => a.accountId === accountId)?.displayName || accountId }));
  }

  _join() {
    this._call('/authors', {}, () => t('works:authors.joined'));
  }

  async _fork(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this._error = null;
    try {
      const fork = await api(`/works/${this.work.id}/fork`, { method: 'POST',
        body: { title: form.get('title') || null, licence: form.get('licence') || null } });
      notify(t('works:fork.done'));
      navigate(`/works/${fork.id}`);
    } catch (e) {
      this._error = e;
    }
  }

  /** The images that still need alt text before anyone can ask or agree, each a link to its field. */
  _missingAlt() {
    if (!this._missing.length) return nothing;
    return html`<div class="notice stack" role="status" data-testid="work-alt-missing">
      <p>${t('works:media.missingIntro', { count: this._missing.length })}</p>
      <ul>${this._missing.map((m) => html`<li><a href="#${altFieldId(m.id)}" data-media=${m.id}
        @click=${(e) => { e.preventDefault(); focusAltField(m.id); }}>${m.name}</a></li>`)}</ul>
    </div>`;
  }

  _publication(w, me) {
    if (w.status === 'PUBLISHED') {
      return html`<p data-testid="work-published">${t('works:publish.isPublished', { when: formatRelative(w.publishedAt) })}
        — ${t(`works:audience.${w.audience.toLowerCase()}`)}</p>`;
    }
    const p = w.publication;
    if (p && p.state === 'PENDING') {
      const mine = p.pending.some((x) => x.accountId === me?.id);
      return html`<div class="stack" data-testid="work-consent">
        <p>${t('works:publish.state', { when: formatRelative(p.requestedAt), n: p.version })} —
          ${t(`works:audience.${p.audience.toLowerCase()}`)}, ${p.licence.spdx}</p>
        <p>${t('works:publish.consented')}: ${p.consented.map((x) => x.displayName).join(', ') || '—'}</p>
        <p>${t('works:publish.pending')}: <span data-testid="work-pending">${p.pending.map((x) => x.displayName).join(', ')}</span></p>
        ${mine ? html`<p><button type="button" data-testid="work-agree" @click=${this._agree}>${t('works:publish.agree')}</button></p>`
          : nothing}
      </div>`;
    }
    if (!w.canEdit) return nothing;
    return html`<form class="stack" data-testid="work-publish-form" @submit=${this._publish}>
      <fieldset><legend>${t('works:publish.audience')}</legend>
        <label><input type="radio" name="audience" value="everyone" ?checked=${this._audience === 'everyone'}
          @change=${() => { this._audience = 'everyone'; }}> ${t('works:publish.everyone')}</label>
        <label><input type="radio" name="audience" value="space" ?checked=${this._audience === 'space'}
          @change=${() => { this._audience = 'space'; }}> ${t('works:publish.space')}</label>
        ${this._audience === 'space' ? html`<label>${t('works:publish.spaceId')}
          <input name="spaceId" type="number" min="1" required></label>` : nothing}
      </fieldset>
      <label>${t('works:publish.licence')} <select name="licence">
        ${LICENCES.filter((l) => !l.draftOnly).map((l) => html`<option value=${l.spdx}
          ?selected=${l.spdx === (w.licence.spdx.startsWith('LicenseRef') ? 'CC-BY-SA-4.0' : w.licence.spdx)}>${l.name}</option>`)}
      </select></label>
      <p><button type="submit">${t('works:publish.request')}</button></p>
    </form>`;
  }

  render() {
    const w = this.work;
    if (!w) return nothing;
    const me = currentUser();
    const author = w.authors.some((a) => a.accountId === me?.id);
    const forkable = me && w.status === 'PUBLISHED' && !w.licence.spdx.startsWith('LicenseRef');
    return html`<ccc-work-media-alt .work=${w} @media-alt-state=${(e) => { this._missing = e.detail.missing; }}>
      </ccc-work-media-alt>
      <section class="card stack" aria-labelledby="work-publication">
        <h2 id="work-publication">${t('works:publish.title')}</h2>
        <p class="muted">${t('works:publish.intro')}</p>
        ${errorBox(this._error)}
        ${w.status === 'PUBLISHED' ? nothing : this._missingAlt()}
        ${this._publication(w, me)}
        ${w.canEdit ? html`<form class="inline-form" data-testid="work-invite" @submit=${this._invite}>
          <label>${t('works:authors.accountId')} <input name="accountId" type="number" min="1" required></label>
          <button type="submit">${t('works:authors.invite')}</button></form>` : nothing}
        ${me && w.open && !author ? html`<p><button type="button" data-testid="work-join" @click=${this._join}>
          ${t('works:authors.join')}</button></p>` : nothing}
      </section>
      ${forkable ? html`<section class="card stack" aria-labelledby="work-fork">
        <h2 id="work-fork">${t('works:fork.title')}</h2>
        <p class="muted">${t('works:fork.intro')}</p>
        <form class="stack" data-testid="work-fork-form" @submit=${this._fork}>
          <label>${t('works:fork.newTitle')} <input name="title" maxlength="200" .value=${w.title}></label>
          <label>${t('works:fork.licence')} <select name="licence">
            ${LICENCES.map((l) => html`<option value=${l.spdx} ?selected=${l.spdx === w.licence.spdx}>${l.name}</option>`)}
          </select></label>
          <p><button type="submit">${t('works:fork.submit')}</button></p>
        </form></section>` : nothing}`;
  }
}

customElements.define('ccc-work-publish', WorkPublish);
