// A work's lineage as a small graph: the chain of works it derives from above it, the works derived from it below,
// each with its cities, and the same as a list (with full attribution) for reading and assistive technology.
import { html, svg, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';

const W = 180;
const H = 46;
const GAP_X = 24;
const GAP_Y = 40;

/** Places the nodes in layers by depth from the first source: {node, x, y} and the parent links. */
export function layout(nodes) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map();
  const depthOf = (n, seen = new Set()) => {
    if (depth.has(n.id)) return depth.get(n.id);
    const parent = n.parentId != null && !seen.has(n.id) ? byId.get(n.parentId) : null;
    seen.add(n.id);
    const d = parent ? depthOf(parent, seen) + 1 : 0;
    depth.set(n.id, d);
    return d;
  };
  const layers = [];
  for (const n of nodes) {
    const d = depthOf(n);
    (layers[d] ||= []).push(n);
  }
  const widest = Math.max(1, ...layers.map((l) => l?.length || 0));
  const width = widest * (W + GAP_X);
  const placed = new Map();
  layers.forEach((layer, d) => {
    const offset = (width - layer.length * (W + GAP_X)) / 2;
    layer.forEach((n, i) => placed.set(n.id, { node: n, x: offset + i * (W + GAP_X) + GAP_X / 2, y: d * (H + GAP_Y) + 4 }));
  });
  const links = nodes.filter((n) => n.parentId != null && placed.has(n.parentId))
    .map((n) => ({ from: placed.get(n.parentId), to: placed.get(n.id) }));
  return { placed: [...placed.values()], links, width, height: layers.length * (H + GAP_Y) };
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

class WorkLineage extends CccElement {
  static properties = { work: { attribute: false } };

  render() {
    const w = this.work;
    if (!w) return nothing;
    const up = w.lineage?.derivedFrom || [];
    const down = w.lineage?.derivedWorks || [];
    const self = { id: w.id, parentId: w.derivedFrom?.workId ?? null, title: w.title, attribution: w.attribution,
      licence: w.licence.spdx, cities: (w.cities || []).map((c) => c.name), readable: true, self: true };
    const nodes = [...up.filter((n) => n.id !== w.id), self, ...down.filter((n) => n.id !== w.id)];
    const g = layout(nodes);
    return html`<section class="card stack" aria-labelledby="work-lineage" data-testid="work-lineage">
      <h2 id="work-lineage">${t('works:lineage.title')}</h2>
      <p class="muted">${t('works:lineage.intro')}</p>
      ${nodes.length === 1 ? html`<p class="state state-empty">${t('works:lineage.none')}</p>` : html`
        <svg class="lineage-graph" role="img" aria-label=${t('works:lineage.graph', { count: nodes.length })}
          viewBox="0 0 ${g.width} ${g.height}" width=${g.width} height=${g.height}>
          ${g.links.map((l) => svg`<line x1=${l.from.x + W / 2} y1=${l.from.y + H} x2=${l.to.x + W / 2} y2=${l.to.y}
            stroke="currentColor" stroke-width="1.5"></line>`)}
          ${g.placed.map((p) => svg`<a href=${p.node.readable ? `/works/${p.node.id}` : '#'}>
            <rect x=${p.x} y=${p.y} width=${W} height=${H} rx="6"
              class=${p.node.self ? 'lineage-node lineage-self' : 'lineage-node'}></rect>
            <text x=${p.x + 8} y=${p.y + 18} class="lineage-title">${truncate(p.node.readable ? p.node.title
              : t('works:lineage.hidden'), 24)}</text>
            <text x=${p.x + 8} y=${p.y + 36} class="lineage-cities">${truncate((p.node.cities || []).join(', '), 28)}</text>
          </a>`)}
        </svg>
        <ol class="lineage-list" data-testid="lineage-list">${nodes.map((n) => html`<li>
          ${n.self ? html`<strong>${n.attribution}</strong>` : n.readable
            ? html`<a href="/works/${n.id}">${n.attribution}</a>` : t('works:lineage.hidden')}</li>`)}</ol>`}
    </section>`;
  }
}

customElements.define('ccc-work-lineage', WorkLineage);
