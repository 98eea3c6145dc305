// Sections of a project's page that read other contexts through the API, so that projects depend on none of them:
// its cities on the home page's world map (compact) with their names in a list, the works placed in its own space
// (a member starts one there), and the upcoming events that belong to its space.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, locale } from '/ui/core/i18n.js';
import { navigate } from '/ui/core/router.js';
import { errorBox } from '/ui/core/view.js';

/** The project's cities: a small still map and, for everyone, their names as links. */
class ProjectMap extends CccElement {
  static properties = { cities: { attribute: false }, _points: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    try {
      const [, all] = await Promise.all([import('/ui/components/world-map.js'), api('/stats/map')]);
      const slugs = new Set(this.cities.map((c) => c.slug));
      this._points = all.filter((p) => slugs.has(p.slug));
    } catch (e) {
      this._points = [];
    }
  }

  render() {
    const names = this.cities.map((c) => c.name).join(', ');
    return html`<section aria-labelledby="project-cities" class="stack">
      <h2 id="project-cities">${t('projects:cities.title')}</h2>
      ${this._points?.length ? html`<ccc-world-map compact .points=${this._points}
        label=${t('projects:cities.map', { names })}></ccc-world-map>` : nothing}
      <ul class="row plain" data-testid="project-cities">${this.cities.map((c) => html`<li data-slug=${c.slug}>
        <a href="/cities/${encodeURIComponent(c.slug)}">${c.name}</a></li>`)}</ul>
    </section>`;
  }
}

/** The works placed in the project's space; its members start one there, open to the project's members. */
class ProjectWorks extends CccElement {
  static properties = { project: { attribute: false }, _works: { state: true }, _error: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    await this._load();
  }

  async _load() {
    try {
      this._works = (await api('/works', { query: { space: this.project.space, size: 50 } })).items;
    } catch (e) {
      this._error = e;
    }
  }

  async _create(e) {
    e.preventDefault();
    const title = new FormData(e.target).get('title');
    try {
      const work = await api('/works', { method: 'POST',
        body: { kind: 'text', title, content: '', spaceId: this.project.space, open: true } });
      navigate(`/works/${work.id}`);
    } catch (err) {
      this._error = err;
    }
  }

  _form() {
    if (this.project.myState !== 'active') return nothing;
    return html`<form class="row" data-testid="project-work-form" @submit=${(e) => this._create(e)}>
      <label>${t('projects:works.name')} <input name="title" required maxlength="200"></label>
      <button type="submit">${t('projects:works.create')}</button>
    </form>`;
  }

  render() {
    const works = this._works || [];
    return html`<section aria-labelledby="project-works" class="stack">
      <h2 id="project-works">${t('projects:works.title')}</h2>
      ${this._works && works.length === 0 ? html`<p>${t('projects:works.none')}</p>` : nothing}
      <ul class="stack plain" data-testid="project-works">${works.map((w) => html`<li data-testid="project-work"
          data-id=${w.id}>
        <a href="/works/${w.id}">${w.title}</a>
        · ${w.authors.map((a) => a.displayName).join(', ')}
        · <span data-testid="project-work-status">${t(`projects:works.status.${w.status.toLowerCase()}`)}</span>
      </li>`)}</ul>
      ${this._error ? errorBox(this._error) : nothing}
      ${this._form()}
    </section>`;
  }
}

function when(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The upcoming events that belong to the project's space (its leads make an event one of its). */
class ProjectEvents extends CccElement {
  static properties = { project: { attribute: false }, _events: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    try {
      this._events = (await api('/events', { query: { space: this.project.space } })).items;
    } catch (e) {
      this._events = [];
    }
  }

  render() {
    const events = this._events || [];
    return html`<section aria-labelledby="project-events" class="stack">
      <h2 id="project-events">${t('projects:events.title')}</h2>
      ${this._events && events.length === 0 ? html`<p>${t('projects:events.none')}</p>` : nothing}
      <ul class="stack plain" data-testid="project-events">${events.map((e) => html`<li data-testid="project-event"
          data-id=${e.id}>
        <a href="/events/${e.id}">${e.title}</a> · <time datetime=${e.start}>${when(e.start)}</time>
        ${e.place?.city ? html` · ${e.place.city.name}` : nothing}
        ${e.place?.kind === 'online' ? html` · ${t('projects:events.online')}` : nothing}
      </li>`)}</ul>
    </section>`;
  }
}

customElements.define('ccc-project-map', ProjectMap);
customElements.define('ccc-project-works', ProjectWorks);
customElements.define('ccc-project-events', ProjectEvents);
