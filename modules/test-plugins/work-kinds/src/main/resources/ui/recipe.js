// The recipe work kind's element: shows a recipe's servings and ingredients and, when editable, adds
// ingredients. It follows the work-kind element contract of the plugin guide: properties `content`, `editable`,
// `schema` and `lang`; a `work-content-change` event (detail: { content }) on every change.
class TestRecipe extends HTMLElement {
  set content(value) { this._content = value || {}; this._render(); }
  get content() { return this._content; }
  set editable(value) { this._editable = Boolean(value); this._render(); }
  get editable() { return this._editable; }

  connectedCallback() { this._render(); }

  _render() {
    const c = this._content || {};
    const list = document.createElement('ul');
    list.dataset.testid = 'recipe-ingredients';
    for (const i of c.ingredients || []) {
      const li = document.createElement('li');
      li.textContent = `${i.quantity} ${i.unit} ${i.name}`;
      list.append(li);
    }
    const servings = document.createElement('p');
    servings.dataset.testid = 'recipe-servings';
    servings.textContent = `Serves ${c.servings ?? '?'}`;
    this.replaceChildren(servings, list);
    if (!this._editable) return;
    const name = Object.assign(document.createElement('input'), { placeholder: 'Ingredient' });
    name.setAttribute('aria-label', 'Ingredient');
    name.dataset.testid = 'recipe-name';
    const quantity = Object.assign(document.createElement('input'), { type: 'number', value: '1' });
    quantity.setAttribute('aria-label', 'Quantity in grams');
    quantity.dataset.testid = 'recipe-quantity';
    const add = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Add ingredient' });
    add.dataset.testid = 'recipe-add';
    add.addEventListener('click', () => {
      const next = {
        servings: c.servings || 4,
        ingredients: [...(c.ingredients || []), { name: name.value, quantity: Number(quantity.value), unit: 'g' }],
        steps: c.steps || [],
      };
      this.content = next;
      this.dispatchEvent(new CustomEvent('work-content-change', { detail: { content: next }, bubbles: true,
        composed: true }));
    });
    this.append(name, quantity, add);
  }
}

customElements.define('ccc-test-recipe', TestRecipe);
