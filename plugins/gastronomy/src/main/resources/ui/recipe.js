// <ccc-gastronomy-recipe>: the element of the gastronomy:recipe work kind (plugin guide, section 8: properties
// `content`, `editable`, `schema`, `lang`; a bubbling `work-content-change` event with { content } on every change).
// It shows the recipe with a servings control: changing it asks the plugin's route POST /recipes/scale for the
// quantities at that many servings (the one scaling rule, in the plugin's Java, unit-tested) and shows them, without
// changing the recipe. Steps show their photo, a core media id (/api/media/{id}). Editable, it edits the servings
// the recipe is written for, the origin city, the ingredients and the steps, uploading a step's photo through the
// core's media API. The work's title, authors (from any city) and licence are the core's, on the work page.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t, formatNumber } from '/ui/core/i18n.js';
import { api } from '/ui/core/api.js';
import { uploadMedia } from '/ui/core/upload.js';
import { gastronomyReady } from './common.js';

let instances = 0;
const UNITS = ['g', 'kg', 'mg', 'ml', 'cl', 'dl', 'l', 'tsp', 'tbsp', 'cup', 'piece', 'clove', 'slice', 'bunch', 'pinch'];

export class GastronomyRecipe extends CccElement {
  static properties = {
    content: { attribute: false },
    editable: { type: Boolean },
    schema: { attribute: false },
    _ready: { state: true },
    _servings: { state: true },
    _scaled: { state: true },
    _error: { state: true },
    _uploading: { state: true },
  };

  constructor() {
    super();
    this.content = {};
    this.editable = false;
    this._ready = false;
    this._servings = null;
    this._scaled = null;
    instances += 1;
    this._uid = instances;
  }

  connectedCallback() {
    super.connectedCallback();
    gastronomyReady().then(() => { this._ready = true; });
  }

  willUpdate(changed) {
    if (changed.has('content')) {
      this._servings = null;
      this._scaled = null;
    }
  }

  get _recipe() {
    const c = this.content || {};
    return { servings: c.servings || 4, ingredients: c.ingredients || [], steps: c.steps || [], ...c };
  }

  async _scale(value) {
    const servings = Number(value);
    const recipe = this._recipe;
    this._error = null;
    if (!Number.isInteger(servings) || servings < 1 || servings > 1000) return;
    this._servings = servings;
    if (servings === recipe.servings) {
      this._scaled = null;
      return;
    }
    try {
      const scaled = await api('/plugins/gastronomy/recipes/scale', { method: 'POST', body: { recipe, servings } });
      if (this._servings === servings) this._scaled = scaled;
    } catch (e) {
      this._error = t('gastronomy:recipe.scaleFailed', { message: e?.message || '' });
    }
  }

  _change(next) {
    this.content = next;
    this.dispatchEvent(new CustomEvent('work-content-change', { detail: { content: next }, bubbles: true, composed: true }));
  }

  _set(key, value) {
    const next = { ...this._recipe };
    if (value === '' || value == null) delete next[key];
    else next[key] = value;
    this._change(next);
  }

  _value(id) {
    return this.querySelector(`#${id}-${this._uid}`);
  }

  _addIngredient() {
    const name = this._value('gastro-ing-name').value.trim();
    const quantity = Number(this._value('gastro-ing-qty').value);
    if (!name || !(quantity > 0)) return;
    const r = this._recipe;
    this._change({ ...r, ingredients: [...r.ingredients, { name, quantity, unit: this._value('gastro-ing-unit').value }] });
    this._value('gastro-ing-name').value = '';
    this._value('gastro-ing-qty').value = '';
  }

  /** Enter in one of the element's inputs adds what it is for, never submits the page's own form around it. */
  _enter(e, add) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add.call(this);
  }

  _removeIngredient(i) {
    const r = this._recipe;
    this._change({ ...r, ingredients: r.ingredients.filter((_, j) => j !== i) });
  }

  async _addStep() {
    const text = this._value('gastro-step-text').value.trim();
    if (!text) return;
    const input = this._value('gastro-step-photo');
    const file = input.files?.[0];
    const step = { text };
    if (file) {
      this._uploading = true;
      this._error = null;
      try {
        step.photo = (await uploadMedia(file)).id;
      } catch (err) {
        this._error = t('gastronomy:recipe.uploadFailed', { message: err?.message || '' });
        return;
      } finally {
        this._uploading = false;
      }
    }
    const r = this._recipe;
    this._change({ ...r, steps: [...r.steps, step] });
    this._value('gastro-step-text').value = '';
    input.value = '';
  }

  _removeStep(i) {
    const r = this._recipe;
    this._change({ ...r, steps: r.steps.filter((_, j) => j !== i) });
  }

  _unit(u) {
    return t(`gastronomy:recipe.units.${u}`);
  }

  _view(r) {
    const shown = this._scaled?.ingredients || r.ingredients;
    const servings = this._servings ?? r.servings;
    return html`
      <div class="gastro-recipe-servings">
        <div class="form-field"><label for=${`gastro-servings-${this._uid}`}>${t('gastronomy:recipe.servings')}</label>
          <input id=${`gastro-servings-${this._uid}`} type="number" @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); this._scale(e.target.value); } }} min="1" max="1000" step="1" .value=${String(servings)}
              data-testid="recipe-servings" @change=${(e) => this._scale(e.target.value)}></div>
        ${this._scaled ? html`<p class="muted" role="status" data-testid="recipe-scaled">
            ${t('gastronomy:recipe.scaledFrom', { servings: formatNumber(servings), base: formatNumber(r.servings) })}</p>` : nothing}
        ${r.originCity ? html`<p class="badge" data-testid="recipe-origin">${t('gastronomy:recipe.origin', { city: r.originCity })}</p>` : nothing}
      </div>
      <h3>${t('gastronomy:recipe.ingredients')}</h3>
      ${shown.length === 0 ? html`<p class="muted">${t('gastronomy:recipe.noIngredients')}</p>` : html`
      <ul class="gastro-ingredients" data-testid="recipe-ingredients">
        ${shown.map((i, n) => html`<li><span class="gastro-quantity" data-testid="quantity">${formatNumber(i.quantity)}</span>
          ${this._unit(i.unit)} ${i.name}
          ${this.editable ? html`<button type="button" class="link" @click=${() => this._removeIngredient(n)}
              aria-label=${t('gastronomy:recipe.removeIngredient', { name: i.name })}>×</button>` : nothing}</li>`)}
      </ul>`}
      <h3>${t('gastronomy:recipe.steps')}</h3>
      ${r.steps.length === 0 ? html`<p class="muted">${t('gastronomy:recipe.noSteps')}</p>` : html`
      <ol class="gastro-steps" data-testid="recipe-steps">
        ${r.steps.map((s, n) => html`<li><p>${s.text}</p>
          ${s.photo ? html`<img src=${`/api/media/${encodeURIComponent(s.photo)}`} loading="lazy" data-testid="step-photo"
              alt=${t('gastronomy:recipe.stepPhoto', { number: n + 1 })}>` : nothing}
          ${this.editable ? html`<button type="button" class="link" @click=${() => this._removeStep(n)}>
              ${t('gastronomy:recipe.removeStep', { number: n + 1 })}</button>` : nothing}</li>`)}
      </ol>`}`;
  }

  _editor(r) {
    return html`<fieldset class="gastro-recipe-edit" data-testid="recipe-editor">
      <div class="gastro-edit-row">
        <div class="form-field"><label for=${`gastro-base-${this._uid}`}>${t('gastronomy:recipe.baseServings')}</label>
          <input id=${`gastro-base-${this._uid}`} type="number" @keydown=${(e) => { if (e.key === 'Enter') e.preventDefault(); }} min="1" max="1000" .value=${String(r.servings)} data-testid="recipe-base"
              @change=${(e) => this._set('servings', Math.max(1, Math.min(1000, Math.round(Number(e.target.value) || 1))))}></div>
        <div class="form-field"><label for=${`gastro-origin-${this._uid}`}>${t('gastronomy:recipe.originCity')}</label>
          <input id=${`gastro-origin-${this._uid}`} @keydown=${(e) => { if (e.key === 'Enter') e.preventDefault(); }} .value=${r.originCity || ''} maxlength="64" data-testid="recipe-origin-input"
              @change=${(e) => this._set('originCity', e.target.value.trim().toLowerCase())}></div>
      </div>
      <div class="gastro-edit-row" role="group" aria-label=${t('gastronomy:recipe.ingredients')}
          @keydown=${(e) => this._enter(e, this._addIngredient)}>
        <div class="form-field"><label for=${`gastro-ing-name-${this._uid}`}>${t('gastronomy:recipe.ingredientName')}</label>
          <input id=${`gastro-ing-name-${this._uid}`} maxlength="200" data-testid="ingredient-name"></div>
        <div class="form-field"><label for=${`gastro-ing-qty-${this._uid}`}>${t('gastronomy:recipe.quantity')}</label>
          <input id=${`gastro-ing-qty-${this._uid}`} type="number" min="0" step="any" data-testid="ingredient-quantity"></div>
        <div class="form-field"><label for=${`gastro-ing-unit-${this._uid}`}>${t('gastronomy:recipe.unit')}</label>
          <select id=${`gastro-ing-unit-${this._uid}`} data-testid="ingredient-unit">
            ${UNITS.map((u) => html`<option value=${u}>${this._unit(u)}</option>`)}</select></div>
        <button type="button" data-testid="add-ingredient" @click=${this._addIngredient}>${t('gastronomy:recipe.addIngredient')}</button>
      </div>
      <div class="gastro-edit-row" role="group" aria-label=${t('gastronomy:recipe.steps')}>
        <div class="form-field"><label for=${`gastro-step-text-${this._uid}`}>${t('gastronomy:recipe.stepText')}</label>
          <textarea id=${`gastro-step-text-${this._uid}`} maxlength="5000" rows="2" data-testid="step-text"></textarea></div>
        <div class="form-field"><label for=${`gastro-step-photo-${this._uid}`}>${t('gastronomy:recipe.stepPhotoFile')}</label>
          <input id=${`gastro-step-photo-${this._uid}`} type="file" accept="image/jpeg,image/png,image/webp,image/gif"
              data-testid="step-photo-file"></div>
        <button type="button" data-testid="add-step" ?disabled=${this._uploading} @click=${this._addStep}>${t('gastronomy:recipe.addStep')}</button>
        ${this._uploading ? html`<span role="status">${t('gastronomy:recipe.uploading')}</span>` : nothing}
      </div>
    </fieldset>`;
  }

  render() {
    if (!this._ready) return nothing;
    const r = this._recipe;
    return html`<section class="gastro-recipe" aria-label=${t('gastronomy:recipe.label')} data-testid="recipe">
      ${this._view(r)}
      ${this.editable ? this._editor(r) : nothing}
      ${this._error ? html`<p class="error-box" role="alert">${this._error}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-gastronomy-recipe', GastronomyRecipe);
