// The network on a world map: land and coastlines from Natural Earth (world-atlas's 110m land, public domain) under
// one marker per city, coloured by its current field, or per cluster of cities whose dots would overlap at the
// current zoom, with their number. Drag pans; +/− (buttons, keys, ctrl+wheel or a pinch) zoom.
//
// For keyboard and screen-reader users the map is ONE tab stop (a roving tabindex): the arrow keys move to the
// nearest marker in their direction, Enter opens a city or zooms into a cluster, and a tooltip names what has the
// focus. A "list instead" link leads to the city directory.
//
// The compact mode (`compact`, e.g. a project's cities) draws the same map, zoomed to fit its few cities, as one
// image: no zooming, panning, links or tab stops. Its page says the cities in text beside it (`label` names them).
//
// The sphere, the graticule and the land are drawn from paths projected once, when the module was made
// (world-paths.js, with d3-geo's Equal Earth projection): zoom and pan are transforms of them, and the cities are
// placed with the same projection (map-clusters.js's equalEarth()), so the browser loads no geographic library and
// projects no coastline. Hovering a marker shows its tooltip through one listener on the map, not two per marker.
import { html, svg, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatNumber, loadNamespaces } from '../core/i18n.js';
import { fieldColor, fieldName } from '../core/fields.js';
import { navigate } from '../core/router.js';
import { nextTask } from '../core/pending.js';
import {
  MAX_ZOOM, clampView, centredView, zoomedView, zoomToSeparate, clusters, isArrow, nearestInDirection, equalEarth,
} from './map-clusters.js';
import {
  WIDTH, HEIGHT, SCALE, TRANSLATE_X, TRANSLATE_Y, SPHERE, GRATICULE, LAND,
} from './world-paths.js';

/** Dots closer than this (viewBox units, at the current zoom) merge into a cluster. */
const MERGE_DISTANCE = 11;

/** A longitude and latitude (degrees) in the map's viewBox units, as the drawing was projected. */
function project(lon, lat) {
  const [x, y] = equalEarth(lon, lat);
  return [TRANSLATE_X + SCALE * x, TRANSLATE_Y - SCALE * y];
}

await loadNamespaces('map');

const clusterRadius = (n) => 8 + 3 * Math.log2(n);

/**
 * The first drawing's markers per task: drawn all at once they made one long task (about 0.7 s on a slowed phone,
 * Lighthouse's Total Blocking Time), in parts the page answers input between them. Later drawings (zoom, pan) are
 * whole.
 */
const MARKERS_PER_TASK = 25;

/** The compact map's view: its dots' box with a margin, zoomed at most 6 times (a city alone shows its region). */
function fittedView(dots) {
  if (!dots.length) return { k: 1, tx: 0, ty: 0 };
  const xs = dots.map((d) => d.x);
  const ys = dots.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min(6, WIDTH / (x1 - x0 + 240), HEIGHT / (y1 - y0 + 120));
  return centredView((x0 + x1) / 2, (y0 + y1) / 2, Math.max(1, k), WIDTH, HEIGHT);
}

export class WorldMap extends CccElement {
  static properties = {
    /** [{slug, name, field, lat, lon}] from GET /api/stats/map. */
    points: { attribute: false },
    /** [{slug, name}] the fields, in their order. */
    fields: { attribute: false },
    /** A small, still map of a few cities, one image for assistive technology. */
    compact: { type: Boolean },
    /** The compact map's accessible name. */
    label: { type: String },
    _view: { state: true },
    _focusSlug: { state: true },
    _tip: { state: true },
    _drawn: { state: true },
  };

  constructor() {
    super();
    this.points = [];
    this.fields = [];
    this._view = { k: 1, tx: 0, ty: 0 };
    this._focusSlug = null;
    this._tip = null;
    this._drag = null;
    this._drawn = 0;
  }

  /** The first drawing, MARKERS_PER_TASK markers per task; the land comes with the last part (tests wait on it). */
  async firstUpdated() {
    if (this.compact) return;
    while (this.isConnected && this._drawn < this._markers.length) {
      await nextTask();
      this._drawn += MARKERS_PER_TASK;
      await this.updateComplete;
    }
    this._drawn = Infinity;
  }

  willUpdate(changed) {
    if (changed.has('points')) {
      this._dots = (this.points || []).map((p) => {
        const [x, y] = project(Number(p.lon), Number(p.lat));
        return { ...p, x, y };
      });
      if (this.compact) this._view = fittedView(this._dots);
    }
    if (changed.has('points') || changed.has('_view')) {
      this._markers = clusters(this._dots, this._view, MERGE_DISTANCE);
      this._tip = this._tip && this._markerOf(this._tip.key);
    }
  }

  /** The marker that holds a city (the roving tab stop follows a city through zooms), or the largest one. */
  _markerOf(slug) {
    const held = slug && this._markers.find((m) => m.members.some((p) => p.slug === slug));
    return held || this._markers.reduce((a, b) => (b.members.length > a.members.length ? b : a), this._markers[0]);
  }

  get _current() {
    return this._markers.length ? this._markerOf(this._focusSlug) : null;
  }

  /** Markers are re-rendered in place: if the focus was (or should be) in the map, it is on the current marker. */
  updated() {
    const current = this._current;
    const active = document.activeElement;
    const inMap = active?.dataset?.key && this.querySelector('svg')?.contains(active);
    if (current && (this._refocus || inMap) && active?.dataset?.key !== current.key) {
      this.querySelector(`[data-key="${CSS.escape(current.key)}"]`)?.focus();
    }
    this._refocus = false;
  }

  /** Moves the roving focus to a marker, panning so that it is in view. */
  _focusMarker(marker) {
    this._focusSlug = marker.key;
    const { sx, sy } = marker;
    if (sx < 0 || sx > WIDTH || sy < 0 || sy > HEIGHT) {
      this._view = centredView(marker.x, marker.y, this._view.k, WIDTH, HEIGHT);
    }
    this._refocus = true;
  }

  _zoomInto(marker) {
    this._focusSlug = marker.key;
    this._view = centredView(marker.x, marker.y, zoomToSeparate(marker.members, this._view, WIDTH, HEIGHT),
      WIDTH, HEIGHT);
  }

  /** Zooms by a factor around the focused marker (or the frame's centre). */
  _zoomBy(factor) {
    const c = this._current;
    const inView = c && c.sx >= 0 && c.sx <= WIDTH && c.sy >= 0 && c.sy <= HEIGHT;
    this._view = zoomedView(this._view, factor, inView ? c.sx : WIDTH / 2, inView ? c.sy : HEIGHT / 2, WIDTH, HEIGHT);
  }

  _open(marker) {
    if (marker.members.length === 1) navigate(`/cities/${encodeURIComponent(marker.key)}`);
    else this._zoomInto(marker);
  }

  _onKey(e) {
    const current = this._current;
    if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
    if (isArrow(e.key)) {
      e.preventDefault();
      const next = nearestInDirection(this._markers, current, e.key);
      if (next) this._focusMarker(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this._refocus = current.members.length > 1;
      this._open(current);
    } else if (['+', '=', '-', '_', '0'].includes(e.key)) {
      e.preventDefault();
      this._refocus = true;
      if (e.key === '0') this._view = { k: 1, tx: 0, ty: 0 };
      else this._zoomBy(e.key === '+' || e.key === '=' ? 2 : 0.5);
    }
  }

  _markerFor(target) {
    const el = target.closest?.('[data-key]');
    return el ? this._markers.find((m) => m.key === el.dataset.key) : null;
  }

  /** The tooltip follows the pointer over the markers: one listener on the map for all of them. */
  _onPointerOver(e) {
    const m = this._markerFor(e.target);
    if (m) this._tip = m;
  }

  _onPointerOut(e) {
    const from = e.target.closest?.('[data-key]');
    if (from && !from.contains(e.relatedTarget)) this._tip = null;
  }

  _onFocusIn(e) {
    const m = this._markerFor(e.target);
    if (m) {
      this._focusSlug = m.key;
      this._tip = m;
    }
  }

  _onClick(e) {
    if (this._dragged) {
      this._dragged = false;
      e.preventDefault();
      return;
    }
    const marker = this._markerFor(e.target);
    // A modified click on a city keeps the browser's meaning (a new tab, a new window).
    if (!marker || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this._focusSlug = marker.key;
    this._open(marker);
  }

  /** viewBox units per CSS pixel. */
  _unit() {
    return WIDTH / (this.querySelector('svg')?.getBoundingClientRect().width || WIDTH);
  }

  _onPointerDown(e) {
    if (e.button !== 0) return;
    this._drag = { id: e.pointerId, x: e.clientX, y: e.clientY, view: this._view, moved: false };
    this._dragged = false;
  }

  _onPointerMove(e) {
    const d = this._drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    const u = this._unit();
    this._view = clampView({ k: d.view.k, tx: d.view.tx + dx * u, ty: d.view.ty + dy * u }, WIDTH, HEIGHT);
  }

  _onPointerUp(e) {
    if (this._drag?.id !== e.pointerId) return;
    this._dragged = this._drag.moved;
    this._drag = null;
  }

  /** Ctrl + wheel (and a touchpad's pinch, which Chromium reports so) zooms; a plain wheel scrolls the page. */
  _onWheel(e) {
    if (!e.ctrlKey) return;
    e.preventDefault();
    const box = e.currentTarget.getBoundingClientRect();
    const u = WIDTH / box.width;
    this._view = zoomedView(this._view, e.deltaY < 0 ? 1.5 : 1 / 1.5, (e.clientX - box.left) * u,
      (e.clientY - box.top) * u, WIDTH, HEIGHT);
  }

  _label(m) {
    if (m.members.length === 1) {
      const p = m.members[0];
      const field = this.fields.find((f) => f.slug === p.field);
      return field ? t('map:city', { name: p.name, field: fieldName(field) }) : p.name;
    }
    return t('map:cluster', { count: m.members.length, names: this._names(m) });
  }

  _names(m) {
    const names = m.members.slice(0, 3).map((p) => p.name).join(', ');
    const more = m.members.length - 3;
    return more > 0 ? t('map:andMore', { names, count: more }) : names;
  }

  _marker(m, current) {
    const common = { key: m.key, tab: m === current ? '0' : '-1', label: this._label(m) };
    if (m.members.length === 1) {
      const p = m.members[0];
      return svg`<a href="/cities/${encodeURIComponent(p.slug)}" class="net-map-link" data-key=${common.key}
          tabindex=${common.tab} aria-label=${common.label} data-testid="map-dot" data-slug=${p.slug}>
        <circle class="net-map-dot" cx=${m.sx.toFixed(1)} cy=${m.sy.toFixed(1)} r="4.5"
                fill=${fieldColor(p.field)}></circle>
      </a>`;
    }
    return svg`<g class="net-map-cluster" role="button" data-key=${common.key} tabindex=${common.tab}
        aria-label=${common.label} data-testid="map-cluster" data-count=${m.members.length}>
      <circle cx=${m.sx.toFixed(1)} cy=${m.sy.toFixed(1)} r=${clusterRadius(m.members.length).toFixed(1)}></circle>
      <text x=${m.sx.toFixed(1)} y=${m.sy.toFixed(1)} dy=".35em">${formatNumber(m.members.length)}</text>
    </g>`;
  }

  _tooltip() {
    const m = this._tip;
    if (!m || m.sx < 0 || m.sx > WIDTH || m.sy < 0 || m.sy > HEIGHT) return nothing;
    const style = `left:${(m.sx / WIDTH) * 100}%;top:${(m.sy / HEIGHT) * 100}%`;
    if (m.members.length === 1) {
      const p = m.members[0];
      const field = this.fields.find((f) => f.slug === p.field);
      return html`<div class="net-map-tip" aria-hidden="true" style=${style} data-testid="map-tooltip">
        <strong>${p.name}</strong>${field ? html`<span>${fieldName(field)}</span>` : nothing}</div>`;
    }
    return html`<div class="net-map-tip" aria-hidden="true" style=${style} data-testid="map-tooltip">
      <strong>${t('map:count', { count: m.members.length })}</strong><span>${this._names(m)}</span>
      <span class="net-map-tip-hint">${t('map:zoomHint')}</span></div>`;
  }

  _zoomButtons() {
    const { k } = this._view;
    return html`<div class="net-map-zoom">
      <button type="button" tabindex="-1" aria-label=${t('map:zoomIn')} title=${t('map:zoomIn')}
        data-testid="map-zoom-in" ?disabled=${k >= MAX_ZOOM} @click=${() => this._zoomBy(2)}>+</button>
      <button type="button" tabindex="-1" aria-label=${t('map:zoomOut')} title=${t('map:zoomOut')}
        data-testid="map-zoom-out" ?disabled=${k <= 1} @click=${() => this._zoomBy(0.5)}>−</button>
    </div>`;
  }

  _renderCompact() {
    const { k, tx, ty } = this._view;
    return html`<figure class="net-map net-map-compact">
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${this.label || t('map:label')}
           data-testid="world-map" data-zoom=${k} preserveAspectRatio="xMidYMid meet">
        <g transform="translate(${tx.toFixed(2)} ${ty.toFixed(2)}) scale(${k})">
          <path class="net-map-sphere" d=${SPHERE}></path>
          <path class="net-map-graticule" d=${GRATICULE}></path>
          <path class="net-map-land" d=${LAND} data-testid="map-land"></path>
        </g>
        ${this._dots.map((d) => svg`<circle class="net-map-dot" data-testid="map-dot" data-slug=${d.slug}
          cx=${(d.x * k + tx).toFixed(1)} cy=${(d.y * k + ty).toFixed(1)} r="6" fill=${fieldColor(d.field)}></circle>`)}
      </svg>
    </figure>`;
  }

  render() {
    if (this.compact) return this._renderCompact();
    const { k, tx, ty } = this._view;
    const current = this._current;
    const counts = new Map();
    for (const p of this.points || []) counts.set(p.field, (counts.get(p.field) || 0) + 1);
    const legend = (this.fields || []).filter((f) => counts.has(f.slug));
    return html`
      <figure class="net-map" aria-labelledby="net-map-caption">
        <p class="net-map-list"><a href="/cities" data-testid="map-list">${t('map:listInstead')}</a></p>
        <!-- Focus listeners sit on the frame: on an SVG element, Chromium would make the SVG itself a tab stop. -->
        <div class="net-map-frame" @focusin=${this._onFocusIn} @focusout=${() => { this._tip = null; }}>
          <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label=${t('map:label')}
               aria-describedby="net-map-help" data-testid="world-map" data-zoom=${k}
               preserveAspectRatio="xMidYMid meet" style="touch-action:${k > 1 ? 'none' : 'pan-y pinch-zoom'}"
               @keydown=${this._onKey} @click=${this._onClick} @wheel=${this._onWheel}
               @pointerover=${this._onPointerOver} @pointerout=${this._onPointerOut}
               @pointerdown=${this._onPointerDown} @pointermove=${this._onPointerMove}
               @pointerup=${this._onPointerUp} @pointercancel=${this._onPointerUp}>
            <g transform="translate(${tx.toFixed(2)} ${ty.toFixed(2)}) scale(${k})" aria-hidden="true">
              <path class="net-map-sphere" d=${SPHERE}></path>
              <path class="net-map-graticule" d=${GRATICULE}></path>
              ${this._drawn === Infinity ? svg`<path class="net-map-land" d=${LAND} data-testid="map-land"></path>`
                : nothing}
            </g>
            ${this._markers.slice(0, this._drawn).map((m) => this._marker(m, current))}
          </svg>
          ${this._zoomButtons()}
          ${this._tooltip()}
        </div>
        <p id="net-map-help" class="net-map-help">${t('map:help')}</p>
        <figcaption id="net-map-caption">${t('map:caption', { count: this._dots.length })}</figcaption>
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
