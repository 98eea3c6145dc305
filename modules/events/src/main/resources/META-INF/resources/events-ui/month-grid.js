// The events' month view (/events?view=month&month=2026-12): a month grid in the reader's own time zone and
// locale (weeks start on the locale's first day), with previous / today / next buttons that keep the month in the
// address. Each day lists the occurrences that overlap it (one spanning midnight shows on both days), at most
// DAY_LIMIT before a "+N more" button; each links to the event, where the RSVP buttons are. On a phone the grid
// gives way to an agenda of the month's days that have events.
//
// The grid is one tab stop (a roving tabindex on its days, as in the WAI-ARIA date picker's grid): the arrow keys
// move a day or a week, Home and End to the week's first and last day, Page Up and Page Down a month (the same day,
// or the month's last), and moving past the grid's edge shows the next or previous month. The events' links inside
// a day stay in the tab order after it.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, locale } from '/ui/core/i18n.js';
import { errorBox } from '/ui/core/view.js';

const DAY_LIMIT = 3;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

if (!document.querySelector('link[data-events-css]')) {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/events-ui/events.css' });
  link.dataset.eventsCss = '';
  document.head.append(link);
}

const pad = (n) => String(n).padStart(2, '0');

/** A local date's key, e.g. "2026-12-05". */
export function dayKey(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A month's key, e.g. "2026-12". */
export function monthKey(year, month) {
  return `${year}-${pad(month)}`;
}

/** { year, month (1–12) } of a "2026-12" key, or of the reader's current month when the key is absent or bad. */
export function parseMonth(text) {
  const m = MONTH.exec(text || '');
  if (m && Number(m[1]) >= 1970) return { year: Number(m[1]), month: Number(m[2]) };
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** The reader's language tag with its region (e.g. "en-GB") when it matches the UI's language, else the UI's. */
function readerTag() {
  const ui = locale();
  return (navigator.languages || [navigator.language]).find((l) => l && l.toLowerCase().startsWith(ui)) || ui;
}

/** The locale's first day of the week, 1 (Monday) to 7 (Sunday); Monday where the browser cannot tell. */
function firstDay(tag) {
  try {
    const l = new Intl.Locale(tag);
    const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  } catch (e) {
    // An old browser: Monday.
  }
  return 1;
}

/** The grid's days (whole weeks covering the month), local midnights, plus the midnight after the last one. */
function gridDays(year, month, first) {
  const firstOfMonth = new Date(year, month - 1, 1);
  const lead = ((firstOfMonth.getDay() || 7) - first + 7) % 7;
  const length = new Date(year, month, 0).getDate();
  const cells = Math.ceil((lead + length) / 7) * 7;
  return Array.from({ length: cells + 1 }, (_, i) => new Date(year, month - 1, 1 - lead + i));
}

/** The occurrences overlapping [from, to), by start. */
function overlapping(items, from, to) {
  return items.filter((o) => {
    const s = new Date(o.start);
    const e = new Date(o.end);
    return s < to && (e > from || +s === +from);
  });
}

class EventsMonth extends CccElement {
  static properties = { month: { type: String }, _items: { state: true }, _loadedFor: { state: true },
    _truncated: { state: true }, _error: { state: true }, _expanded: { state: true }, _focusKey: { state: true } };

  constructor() {
    super();
    this._items = [];
    this._expanded = new Set();
    this._request = 0;
  }

  get _ym() {
    return parseMonth(this.month);
  }

  willUpdate(changed) {
    if (changed.has('month')) this._load();
  }

  async _load() {
    const { year, month } = this._ym;
    const key = monthKey(year, month);
    const days = gridDays(year, month, firstDay(readerTag()));
    const request = ++this._request;
    this._expanded = new Set();
    try {
      const span = { from: days[0].toISOString(), to: days[days.length - 1].toISOString() };
      const list = await api('/events', { query: span });
      if (request !== this._request) return;
      this._items = list.items;
      this._truncated = list.truncated;
      this._error = null;
    } catch (e) {
      if (request !== this._request) return;
      this._items = [];
      this._error = e;
    }
    this._loadedFor = key;
    this.dispatchEvent(new CustomEvent('month-loaded', { bubbles: true }));
  }

  /** Shows another month, keeping it in the address (a reload or a shared link shows the same month). */
  _go(year, month) {
    const d = new Date(year, month - 1, 1);
    const key = monthKey(d.getFullYear(), d.getMonth() + 1);
    history.pushState({}, '', `/events?view=month&month=${key}`);
    this.month = key;
  }

  _today() {
    const now = new Date();
    this._go(now.getFullYear(), now.getMonth() + 1);
  }

  /** The day that holds the grid's tab stop: the one last moved to if it is in this month, else today, else the 1st. */
  _focusDay(year, month) {
    const inMonth = (key) => key && key.startsWith(monthKey(year, month));
    if (inMonth(this._focusKey)) return this._focusKey;
    const today = dayKey(new Date());
    return inMonth(today) ? today : `${monthKey(year, month)}-01`;
  }

  async _keydown(e, first) {
    const cell = e.target.closest ? e.target.closest('td[data-date]') : null;
    if (!cell || e.target !== cell || e.altKey || e.ctrlKey || e.metaKey) return;
    const [y, m, d] = cell.dataset.date.split('-').map(Number);
    const day = new Date(y, m - 1, d);
    const weekday = ((day.getDay() || 7) - first + 7) % 7;
    const lastOf = (yy, mm) => new Date(yy, mm, 0).getDate();
    const moves = {
      ArrowLeft: () => new Date(y, m - 1, d - 1),
      ArrowRight: () => new Date(y, m - 1, d + 1),
      ArrowUp: () => new Date(y, m - 1, d - 7),
      ArrowDown: () => new Date(y, m - 1, d + 7),
      Home: () => new Date(y, m - 1, d - weekday),
      End: () => new Date(y, m - 1, d + 6 - weekday),
      PageUp: () => new Date(y, m - 2, Math.min(d, lastOf(y, m - 1))),
      PageDown: () => new Date(y, m, Math.min(d, lastOf(y, m + 1))),
    };
    if (!moves[e.key]) return;
    e.preventDefault();
    const target = moves[e.key]();
    const key = dayKey(target);
    this._focusKey = key;
    const shown = this._ym;
    const targetMonth = monthKey(target.getFullYear(), target.getMonth() + 1);
    if (targetMonth !== monthKey(shown.year, shown.month)
        && (e.key.startsWith('Page') || !this.querySelector(`td[data-date="${key}"]`))) {
      this._go(target.getFullYear(), target.getMonth() + 1);
    }
    await this.updateComplete;
    const next = this.querySelector(`td[data-date="${key}"]`);
    if (next) next.focus();
  }

  _toggle(key) {
    const next = new Set(this._expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this._expanded = next;
  }

  _occurrence(o, dayStart, tag) {
    const s = new Date(o.start);
    const time = s >= dayStart
      ? html`<time datetime=${o.start}>${new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' })
        .format(s)}</time>`
      : html`<span class="continues">${t('events:month.continues')}</span>`;
    return html`<li><a href="/events/${o.id}" data-testid="month-event" data-id=${o.id}>${time}
      <span class="title">${o.title}</span></a></li>`;
  }

  _cell(day, next, ctx) {
    const key = dayKey(day);
    const items = overlapping(ctx.items, day, next);
    const open = this._expanded.has(key);
    const shown = open || items.length <= DAY_LIMIT ? items : items.slice(0, DAY_LIMIT);
    const isToday = key === ctx.today;
    const classes = ['day', day.getMonth() + 1 === ctx.month ? '' : 'outside', isToday ? 'today' : ''].join(' ');
    return html`<td class=${classes} data-date=${key} aria-current=${isToday ? 'date' : nothing}
        tabindex=${key === ctx.focusKey ? '0' : '-1'}>
      <span class="day-num" aria-hidden="true">${day.getDate()}</span>
      <span class="visually-hidden">${ctx.fullDate.format(day)}</span>
      ${shown.length ? html`<ul class="day-events">${shown.map((o) => this._occurrence(o, day, ctx.tag))}</ul>`
        : nothing}
      ${items.length > DAY_LIMIT ? html`<button type="button" class="button-link more" data-testid="month-more"
          aria-expanded=${String(open)} @click=${() => this._toggle(key)}>${open ? t('events:month.fewer')
        : t('events:month.more', { count: items.length - DAY_LIMIT })}</button>` : nothing}
    </td>`;
  }

  /** The phone's agenda: the month's days that have occurrences, each with all of them. */
  _agenda(days, ctx) {
    const rows = [];
    for (let i = 0; i < days.length - 1; i += 1) {
      const day = days[i];
      const items = day.getMonth() + 1 === ctx.month ? overlapping(ctx.items, day, days[i + 1]) : [];
      if (items.length) rows.push({ day, items });
    }
    if (!rows.length) return html`<p class="month-none muted" data-testid="month-none">${t('events:month.none')}</p>`;
    return html`<ol class="month-agenda" data-testid="month-agenda">${rows.map(({ day, items }) => {
      const key = dayKey(day);
      return html`<li data-date=${key} aria-current=${key === ctx.today ? 'date' : nothing}>
        <h3>${ctx.fullDate.format(day)}</h3>
        <ul class="day-events">${items.map((o) => this._occurrence(o, day, ctx.tag))}</ul></li>`;
    })}</ol>`;
  }

  render() {
    const { year, month } = this._ym;
    const tag = readerTag();
    const first = firstDay(tag);
    const days = gridDays(year, month, first);
    const loaded = this._loadedFor === monthKey(year, month);
    const ctx = { tag, month, today: dayKey(new Date()), items: loaded ? this._items : [],
      focusKey: this._focusDay(year, month),
      fullDate: new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long' }) };
    const title = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
    const short = new Intl.DateTimeFormat(tag, { weekday: 'short' });
    const long = new Intl.DateTimeFormat(tag, { weekday: 'long' });
    // 1 January 2024 was a Monday: day n of that week is ISO weekday n.
    const weekdays = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, ((first - 1 + i) % 7) + 1));
    const weeks = [];
    for (let w = 0; w < (days.length - 1) / 7; w += 1) weeks.push(w * 7);
    return html`<section class="month-view stack" data-testid="events-month" data-month=${monthKey(year, month)}
        aria-busy=${String(!loaded)}>
      <div class="month-head">
        <h2 id="events-month-title" aria-live="polite" data-testid="month-title">${title}</h2>
        <div class="row" role="group" aria-label=${t('events:month.navigation')}>
          <button type="button" data-testid="month-previous" aria-label=${t('events:month.previous')}
            @click=${() => this._go(year, month - 1)}>‹</button>
          <button type="button" data-testid="month-today" @click=${() => this._today()}>
            ${t('events:month.today')}</button>
          <button type="button" data-testid="month-next" aria-label=${t('events:month.next')}
            @click=${() => this._go(year, month + 1)}>›</button>
        </div>
      </div>
      ${this._error ? errorBox(this._error) : nothing}
      ${this._truncated ? html`<p class="notice">${t('events:month.truncated')}</p>` : nothing}
      <table class="month-grid" aria-labelledby="events-month-title" aria-describedby="events-month-keys"
          data-testid="month-grid" @keydown=${(e) => this._keydown(e, first)}>
        <thead><tr>${weekdays.map((d) => html`<th scope="col"><span aria-hidden="true">${short.format(d)}</span>
          <span class="visually-hidden">${long.format(d)}</span></th>`)}</tr></thead>
        <tbody>${weeks.map((start) => html`<tr>${days.slice(start, start + 7)
          .map((day, i) => this._cell(day, days[start + i + 1], ctx))}</tr>`)}</tbody>
      </table>
      <p id="events-month-keys" class="visually-hidden">${t('events:month.keys')}</p>
      ${this._agenda(days, ctx)}
    </section>`;
  }
}

customElements.define('ccc-events-month', EventsMonth);
