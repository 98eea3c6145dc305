// The signed-in person's own page (/me): edit the public profile (name, bio, creative fields, expertise tags,
// languages) with the server's rules checked before saving, and see every city membership with its status, with
// leaving, withdrawing a request or asking again.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatDate } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser, refreshMe } from '../core/session.js';
import { fieldColor, fieldName } from '../core/fields.js';
import { notify, notifyError } from '../core/notify.js';
import { loading, errorBox, empty, setTitle, pageReady } from '../core/view.js';
import {
  LIMITS, TAG_PATTERN, languageName, languageOptions, signInHref, formProblem, fieldMessage, statusBadge, allCities,
} from '../components/acct-util.js';

function draftOf(me) {
  const p = me.profile || {};
  return {
    displayName: me.displayName || '',
    bio: p.bio || '',
    homeCity: p.homeCity?.slug || '',
    fields: new Set(p.fields || []),
    expertise: [...(p.expertise || [])],
    languages: [...(p.languages || [])],
  };
}

class ProfilePage extends CccElement {
  static properties = {
    _fields: { state: true },
    _cities: { state: true },
    _draft: { state: true },
    _loadError: { state: true },
    _saveError: { state: true },
    _errors: { state: true },
    _saving: { state: true },
    _tagInput: { state: true },
    _busyCity: { state: true },
    _confirmCity: { state: true },
  };

  constructor() {
    super();
    this._fields = null;
    this._cities = [];
    this._draft = null;
    this._loadError = null;
    this._saveError = null;
    this._errors = {};
    this._saving = false;
    this._tagInput = '';
    this._busyCity = null;
    this._confirmCity = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._load();
  }

  sessionChanged() {
    if (currentUser() && !this._draft && !this._loading) this._load();
    this.requestUpdate();
  }

  async _load() {
    if (!currentUser()) {
      await this.updateComplete;
      pageReady(this);
      return;
    }
    this._loadError = null;
    this._loading = true;
    try {
      const [me, fields] = await Promise.all([refreshMe(), api('/fields')]);
      this._fields = fields;
      allCities().then((c) => { this._cities = c; }).catch(notifyError);
      if (me) this._draft = draftOf(me);
    } catch (e) {
      this._loadError = e;
    } finally {
      this._loading = false;
    }
    await this.updateComplete;
    pageReady(this);
  }

  _set(key, value) {
    this._draft = { ...this._draft, [key]: value };
  }

  _toggleField(slug, on) {
    const fields = new Set(this._draft.fields);
    if (on) fields.add(slug);
    else fields.delete(slug);
    this._set('fields', fields);
  }

  _addTags() {
    const parts = this._tagInput.split(',').map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
    if (!parts.length) return;
    const bad = parts.find((p) => !TAG_PATTERN.test(p));
    if (bad) {
      this._errors = { ...this._errors, expertise: t('account:profile.tagInvalid', { tag: bad }) };
      return;
    }
    const tags = [...this._draft.expertise];
    for (const p of parts) {
      if (!tags.some((x) => x.toLocaleLowerCase() === p.toLocaleLowerCase())) tags.push(p);
    }
    if (tags.length > LIMITS.expertise) {
      this._errors = { ...this._errors, expertise: t('account:profile.tooManyTags', { max: LIMITS.expertise }) };
      return;
    }
    this._errors = { ...this._errors, expertise: undefined };
    this._set('expertise', tags);
    this._tagInput = '';
  }

  _tagKey(e) {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      this._addTags();
    }
  }

  _addLanguage() {
    const select = this.querySelector('#profile-language');
    const code = select?.value;
    if (!code || this._draft.languages.includes(code)) return;
    if (this._draft.languages.length >= LIMITS.languages) {
      this._errors = { ...this._errors, languages: t('account:profile.tooManyLanguages', { max: LIMITS.languages }) };
      return;
    }
    this._errors = { ...this._errors, languages: undefined };
    this._set('languages', [...this._draft.languages, code]);
    select.value = '';
  }

  _validate() {
    const d = this._draft;
    const errors = {};
    const name = d.displayName.trim();
    if (name.length < LIMITS.displayNameMin || name.length > LIMITS.displayNameMax) {
      errors.displayName = t('account:signup.nameLength', { min: LIMITS.displayNameMin, max: LIMITS.displayNameMax });
    }
    if (d.bio.length > LIMITS.bio) errors.bio = t('account:profile.bioTooLong', { max: LIMITS.bio });
    if (d.fields.size > LIMITS.fields) errors.fields = t('account:profile.tooManyFields', { max: LIMITS.fields });
    if (this._tagInput.trim()) errors.expertise = t('account:profile.tagPending');
    return errors;
  }

  async _save(event) {
    event.preventDefault();
    this._saveError = null;
    this._errors = this._validate();
    if (Object.values(this._errors).some(Boolean)) {
      await this.updateComplete;
      this.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    const d = this._draft;
    this._saving = true;
    try {
      await api(`/people/${currentUser().id}`, { method: 'PATCH', body: {
        displayName: d.displayName.trim(), bio: d.bio, homeCity: d.homeCity, fields: [...d.fields], expertise: d.expertise,
        languages: d.languages,
      } });
      const me = await refreshMe();
      this._draft = draftOf(me);
      notify(t('account:profile.saved'), 'success');
    } catch (e) {
      const { errors, summary } = formProblem(e, ['displayName', 'bio', 'homeCity', 'fields', 'expertise', 'languages']);
      this._errors = errors;
      this._saveError = summary;
    } finally {
      this._saving = false;
    }
  }

  async _membershipAction(slug, cityName, action) {
    this._busyCity = slug;
    try {
      if (action === 'rejoin') {
        const m = await api(`/cities/${encodeURIComponent(slug)}/members`, { method: 'POST' });
        notify(m.status === 'ACTIVE' ? t('account:membership.joined', { city: m.cityName })
          : t('account:membership.requested', { city: m.cityName }), 'success');
      } else {
        await api(`/cities/${encodeURIComponent(slug)}/members/me`, { method: 'DELETE' });
        notify(t(`account:membership.done.${action}`, { city: cityName }), 'success');
      }
      this._confirmCity = null;
      await refreshMe();
    } catch (e) {
      notifyError(e);
    } finally {
      this._busyCity = null;
    }
  }

  render() {
    setTitle(t('account:profile.title'));
    const me = currentUser();
    if (!me) {
      return html`<section class="page acct-narrow">
        <h1>${t('account:profile.title')}</h1>
        <div class="notice"><p>${t('account:profile.signedOut')}</p>
          <p><a class="button button-primary" href=${signInHref('/me')}>${t('account:profile.signIn')}</a></p></div>
      </section>`;
    }
    if (this._loadError) {
      return html`<section class="page"><h1>${t('account:profile.title')}</h1>${errorBox(this._loadError)}
        <p><button type="button" @click=${() => this._load()}>${t('common:actions.retry')}</button></p></section>`;
    }
    if (!this._draft || !this._fields) return html`<section class="page"><h1>${t('account:profile.title')}</h1>${loading()}</section>`;
    return html`<section class="page acct-profile">
      <header class="acct-profile-head">
        <div class="acct-avatar" aria-hidden="true">${initials(me.displayName)}</div>
        <div>
          <h1>${me.displayName}</h1>
          <p class="muted">${me.email}${me.admin ? html` · <span class="badge">${t('account:profile.admin')}</span>` : nothing}</p>
          <p><a href="/people/${me.id}" data-testid="public-profile-link">${t('account:profile.publicLink')}</a></p>
        </div>
      </header>
      <div class="acct-columns">
        ${this._renderForm()}
        ${this._renderMemberships(me)}
      </div>
    </section>`;
  }

  _renderForm() {
    const d = this._draft;
    const e = this._errors;
    const options = languageOptions(d.languages).filter((o) => !d.languages.includes(o.code));
    return html`<form class="card form acct-form acct-profile-form" novalidate @submit=${this._save}
        data-testid="profile-form" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">${t('account:profile.editTitle')}</h2>
      ${this._saveError ? html`<div data-testid="profile-error">${errorBox(this._saveError)}</div>` : nothing}
      <div class="form-field">
        <label for="profile-name">${t('account:fields.displayName')}</label>
        <input id="profile-name" name="displayName" .value=${d.displayName} maxlength=${LIMITS.displayNameMax}
               required aria-invalid=${e.displayName ? 'true' : 'false'}
               aria-describedby=${e.displayName ? 'profile-name-error' : nothing}
               @input=${(ev) => this._set('displayName', ev.target.value)}>
        ${fieldMessage(e, 'displayName', 'profile-name-error')}
      </div>
      <div class="form-field">
        <label for="profile-bio">${t('account:fields.bio')}</label>
        <p class="form-hint" id="profile-bio-hint">${t('account:profile.bioHint', { count: d.bio.length, max: LIMITS.bio })}</p>
        <textarea id="profile-bio" name="bio" rows="6" .value=${d.bio} maxlength=${LIMITS.bio}
                  aria-invalid=${e.bio ? 'true' : 'false'}
                  aria-describedby=${e.bio ? 'profile-bio-hint profile-bio-error' : 'profile-bio-hint'}
                  @input=${(ev) => this._set('bio', ev.target.value)}></textarea>
        ${fieldMessage(e, 'bio', 'profile-bio-error')}
      </div>
      <div class="form-field">
        <label for="profile-home">${t('account:fields.homeCity')}</label>
        <p class="form-hint" id="profile-home-hint">${t('account:profile.homeCityHint')}</p>
        <select id="profile-home" aria-describedby=${e.homeCity ? 'profile-home-hint profile-home-error' : 'profile-home-hint'}
                aria-invalid=${e.homeCity ? 'true' : 'false'} @change=${(ev) => this._set('homeCity', ev.target.value)}>
          <option value="">${t('account:profile.noHomeCity')}</option>
          ${d.homeCity && !this._cities.some((c) => c.slug === d.homeCity)
            ? html`<option value=${d.homeCity} selected>${currentUser().profile?.homeCity?.name ?? d.homeCity}</option>` : nothing}
          ${this._cities.map((c) => html`<option value=${c.slug} ?selected=${c.slug === d.homeCity}>${c.name}</option>`)}
        </select>
        ${fieldMessage(e, 'homeCity', 'profile-home-error')}
      </div>
      <fieldset aria-describedby=${e.fields ? 'profile-fields-error' : nothing}>
        <legend>${t('account:fields.fields')}</legend>
        <p class="form-hint">${t('account:profile.fieldsHint')}</p>
        <div class="acct-checks">
          ${this._fields.map((f) => html`<label class="acct-check">
            <input type="checkbox" name="fields" value=${f.slug} .checked=${d.fields.has(f.slug)}
                   @change=${(ev) => this._toggleField(f.slug, ev.target.checked)}>
            <span class="acct-swatch" style="background:${fieldColor(f.slug)}" aria-hidden="true"></span>
            ${fieldName(f)}</label>`)}
        </div>
        ${fieldMessage(e, 'fields', 'profile-fields-error')}
      </fieldset>
      <div class="form-field">
        <label for="profile-tag">${t('account:fields.expertise')}</label>
        <p class="form-hint" id="profile-tag-hint">${t('account:profile.expertiseHint', { max: LIMITS.expertise })}</p>
        ${this._chips(d.expertise, (x) => x, (x) => this._set('expertise', d.expertise.filter((y) => y !== x)),
          'expertise-chip')}
        <div class="acct-add">
          <input id="profile-tag" .value=${this._tagInput} maxlength="200"
                 aria-invalid=${e.expertise ? 'true' : 'false'}
                 aria-describedby=${e.expertise ? 'profile-tag-hint profile-tag-error' : 'profile-tag-hint'}
                 @input=${(ev) => { this._tagInput = ev.target.value; }} @keydown=${this._tagKey}>
          <button type="button" @click=${() => this._addTags()} data-testid="add-tag">${t('account:profile.add')}</button>
        </div>
        ${fieldMessage(e, 'expertise', 'profile-tag-error')}
      </div>
      <div class="form-field">
        <label for="profile-language">${t('account:fields.languages')}</label>
        <p class="form-hint" id="profile-language-hint">${t('account:profile.languagesHint', { max: LIMITS.languages })}</p>
        ${this._chips(d.languages, languageName, (x) => this._set('languages', d.languages.filter((y) => y !== x)),
          'language-chip')}
        <div class="acct-add">
          <select id="profile-language" aria-invalid=${e.languages ? 'true' : 'false'}
                  aria-describedby=${e.languages ? 'profile-language-hint profile-language-error' : 'profile-language-hint'}>
            <option value="">${t('account:profile.chooseLanguage')}</option>
            ${options.map((o) => html`<option value=${o.code}>${o.name}</option>`)}
          </select>
          <button type="button" @click=${() => this._addLanguage()} data-testid="add-language">${t('account:profile.add')}</button>
        </div>
        ${fieldMessage(e, 'languages', 'profile-language-error')}
      </div>
      <div class="form-actions">
        <button class="primary" type="submit" ?disabled=${this._saving} data-testid="profile-save">
          ${this._saving ? t('account:profile.saving') : t('common:actions.save')}</button>
      </div>
    </form>`;
  }

  _chips(values, label, remove, testid) {
    if (!values.length) return html`<p class="muted acct-none">${t('account:profile.noneYet')}</p>`;
    return html`<ul class="acct-chips">
      ${values.map((v) => html`<li class="acct-tag" data-testid=${testid}>
        <span>${label(v)}</span>
        <button type="button" class="acct-tag-remove" aria-label=${t('account:profile.remove', { item: label(v) })}
                @click=${() => remove(v)}>×</button></li>`)}
    </ul>`;
  }

  _renderMemberships(me) {
    const list = me.memberships || [];
    return html`<section class="card acct-memberships" aria-labelledby="memberships-title" data-testid="memberships">
      <h2 id="memberships-title">${t('account:profile.citiesTitle')}</h2>
      ${list.length ? html`<ul class="acct-list">
        ${list.map((m) => this._membership(m))}
      </ul>` : empty(t('account:profile.noCities'))}
      <p><a href="/cities">${t('account:profile.findCities')}</a></p>
    </section>`;
  }

  _membership(m) {
    const busy = this._busyCity === m.city;
    const confirming = this._confirmCity === m.city;
    const action = { PENDING: 'withdraw', REJECTED: 'dismiss' }[m.status] || 'leave';
    return html`<li class="acct-membership" data-testid="membership" data-city=${m.city}>
      <div class="acct-membership-main">
        <a href="/cities/${m.city}">${m.cityName}</a>
        ${statusBadge(m.status)}
        ${m.status === 'ACTIVE' && m.role === 'COORDINATOR' ? html`<span class="badge">${t('account:roles.coordinator')}</span>` : nothing}
        <p class="muted acct-small">${t('account:profile.requestedAt', { date: formatDate(m.requestedAt) })}</p>
      </div>
      <div class="row acct-actions">
        ${confirming ? html`
          <span>${t(`account:membership.confirm.${action}`, { city: m.cityName })}</span>
          <button type="button" class="danger" ?disabled=${busy} @click=${() => this._membershipAction(m.city, m.cityName, action)}
                  data-testid="confirm-leave">${t(`account:membership.${action}`)}</button>
          <button type="button" @click=${() => { this._confirmCity = null; }}>${t('common:actions.cancel')}</button>`
        : html`
          ${m.status === 'REJECTED' ? html`<button type="button" ?disabled=${busy}
              @click=${() => this._membershipAction(m.city, m.cityName, 'rejoin')}>${t('account:membership.askAgain')}</button>` : nothing}
          <button type="button" ?disabled=${busy} @click=${() => { this._confirmCity = m.city; }}
                  data-testid="leave" aria-label=${t(`account:membership.${action}Label`, { city: m.cityName })}>
            ${t(`account:membership.${action}`)}</button>`}
      </div>
    </li>`;
  }
}

function initials(name) {
  return (name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => [...w][0].toLocaleUpperCase()).join('');
}

customElements.define('ccc-profile-page', ProfilePage);
