// The network on a world map: one dot per city, coloured by its current field, drawn as SVG from the cities'
// coordinates with d3-geo (sphere and graticule, no tiles and nothing from the internet). Every dot is a link
// to the city's page, named by a <title>; hovering or focusing a dot shows a tooltip. A skip link lets
// keyboard users pass the dots, and the legend names each field's colour with its number of cities.
import { html, svg, nothing } from 'lit';
import { geoEqualEarth, geoPath, geoGraticule10 } from 'd3-geo';
import { CccElement } from '../core/element.js';
import { t, formatNumber } from '../core/i18n.js';
import { fieldColor, fieldName } from '../core/fields.js';

const WIDTH = 960;
const HEIGHT = 470;
const projection = geoEqualEarth().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'Sphere' });
const path = geoPath(projection);
const SPHERE = path({ type: 'Sphere' });
const GRATICULE = path(geoGraticule10());

export class WorldMap extends CccElement {
  static properties = {
    /** [{slug, name, field, lat, lon}] from GET /api/stats/map. */
    points: { attribute: false },
    /** [{slug, name}] the fields, in their order. */
    fields: { attribute: false },
    /** The id of the element the skip link jumps to. */
    after: { type: String },
    _tip: { state: true },
  };

  constructor() {
    super();
    this.points = [];
    this.fields = [];
    this._tip = null;
  }

  willUpdate(changed) {
    if (changed.has('points')) {
      this._dots = (this.points || []).map((p) => {
        const [x, y] = projection([Number(p.lon), Number(p.lat)]);
        return { ...p, x, y };
      });
    }
  }

  _show(dot) {
    this._tip = dot;
  }

  _hide(dot) {
    if (this._tip === dot) this._tip = null;
  }

  _tooltip() {
    const tip = this._tip;
    if (!tip) return nothing;
    const field = this.fields.find((f) => f.slug === tip.field);
    const left = (tip.x / WIDTH) * 100;
    const top = (tip.y / HEIGHT) * 100;
    return html`<div class="net-map-tip" role="status" style="left:${left}%;top:${top}%"
                     data-testid="map-tooltip">
      <strong>${tip.name}</strong>${field ? html`<span>${fieldName(field)}</span>` : nothing}
    </div>`;
  }

  render() {
    const counts = new Map();
    for (const p of this.points || []) counts.set(p.field, (counts.get(p.field) || 0) + 1);
    const legend = (this.fields || []).filter((f) => counts.has(f.slug));
    return html`
      <figure class="net-map" aria-labelledby="net-map-caption">
        <a class="net-map-skip" href="#${this.after}">${t('home:map.skip')}</a>
        <div class="net-map-frame">
          <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="net-map-caption"
               data-testid="world-map" preserveAspectRatio="xMidYMid meet">
            <path class="net-map-sphere" d=${SPHERE}></path>
            <path class="net-map-graticule" d=${GRATICULE} aria-hidden="true"></path>
            ${this._dots.map((d) => svg`<a href="/cities/${encodeURIComponent(d.slug)}" class="net-map-link"
                  @mouseenter=${() => this._show(d)} @mouseleave=${() => this._hide(d)}
                  @focus=${() => this._show(d)} @blur=${() => this._hide(d)}>
                <title>${d.name}</title>
                <circle class="net-map-dot" data-testid="map-dot" data-slug=${d.slug} cx=${d.x.toFixed(1)}
                        cy=${d.y.toFixed(1)} r="4.5" fill=${fieldColor(d.field)}></circle>
              </a>`)}
          </svg>
          ${this._tooltip()}
        </div>
        <figcaption id="net-map-caption">
          ${t('home:map.caption', { count: this._dots.length })}
        </figcaption>
        <ul class="net-legend" aria-label=${t('home:map.legend')}>
          ${legend.map((f) => html`<li>
            <span class="net-swatch" style="background:${fieldColor(f.slug)}" aria-hidden="true"></span>
            <a href="/cities?field=${encodeURIComponent(f.slug)}">${fieldName(f)}</a>
            <span class="muted">${formatNumber(counts.get(f.slug))}</span>
          </li>`)}
        </ul>
      </figure>`;
  }
}
customElements.define('ccc-world-map', WorldMap);
