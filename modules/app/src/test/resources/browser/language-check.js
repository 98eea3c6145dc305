// Run by LanguageWalk on a rendered page: returns what the page shows that is not in the page's language, each as
// "where: text". arguments[0] is the mode, arguments[1] the words allowed anyway.
//  - "english": the page is in another language; a text equal to a string of an English catalogue (or matching one
//    with its {placeholders}), the English name of a country the page was sent, or a date or number Intl wrote in
//    English, is reported, unless it is what someone named a thing (a city, a title, a person) shown as it is.
//  - "pseudo": the page is in the pseudo-locale; any text outside ⟦…⟧ that is neither data the API sent nor made by
//    Intl (dates, numbers, names of countries and languages) is reported: it did not come from a catalogue.
const [mode, allowed] = arguments;
const state = window.__cccWalk;
const allow = new Set(allowed);
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const letters = /\p{L}/u;
// Not checked: code, user content (messages, works, people's bios, the editor), decoration hidden from screen readers
// (initials). A bio is shown as Markdown rendered (its text is not the API's string), so it is skipped like a message.
const SKIP = 'script,style,template,noscript,textarea,[contenteditable],.cm-editor,.message-html,.work-text,'
  + '.acct-bio,.acct-bio-excerpt,[aria-hidden=true],[data-lang-skip]';

function where(el) {
  const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
  return `${el.localName}${el.id ? `#${el.id}` : ''}${testid ? ` in [data-testid=${testid}]` : ''}`;
}
const visible = (el) => el.checkVisibility({ visibilityProperty: true });

const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || el.closest(SKIP) || !visible(el.closest('select') || el)) continue;
  const text = norm(n.nodeValue);
  if (letters.test(text)) texts.push([where(el), text]);
}
for (const el of document.body.querySelectorAll('[placeholder],[aria-label],[title],img[alt],[aria-description]')) {
  if (el.closest(SKIP.replace('textarea,', '')) || !visible(el)) continue;
  for (const attr of ['placeholder', 'aria-label', 'title', 'alt', 'aria-description']) {
    const text = norm(el.getAttribute(attr));
    if (letters.test(text)) texts.push([`${where(el)}@${attr}`, text]);
  }
}
norm(document.title).split(' · ').forEach((part) => texts.push(['title', part]));

const found = [];
if (mode === 'english') {
  const exact = new Set(state.english);
  const lang = document.documentElement.lang;
  for (const code of state.countries) {
    const en = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
    if (en !== new Intl.DisplayNames([lang], { type: 'region' }).of(code)) exact.add(en);
  }
  const templates = [...state.english].filter((s) => /\{\w+\}/.test(s) && !allow.has(s))
    .filter((s) => s.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length >= 4)
    .map((s) => new RegExp(`^${s.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)')}$`, 's'));
  // What Intl writes in English: a date, a time, "3 days ago", a number grouped by commas.
  const month = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar'
    + '|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
  const englishIntl = new RegExp(`\\b${month} \\d{1,2}, \\d{4}\\b|\\b\\d{1,2} ${month} \\d{4}\\b|\\b\\d{1,2}:\\d{2} ?[AP]M\\b`
    + '|\\b\\d+ (?:second|minute|hour|day|week|month|year)s? ago\\b|\\b(?:yesterday|tomorrow)\\b|\\b\\d{1,3}(?:,\\d{3})+\\b');
  for (const [at, text] of texts) {
    if (allow.has(text) || state.names.has(text)) continue;
    if (exact.has(text) || templates.some((r) => r.test(text))
        || (englishIntl.test(text) && !state.data.has(text))) found.push(`${at}: ${text}`);
  }
} else {
  const data = [...state.data].join('\n');
  const lang = document.documentElement.lang;
  const made = new Set();
  const words = new Set();
  const addWords = (s) => (s.match(/\p{L}+/gu) || []).forEach((w) => words.add(w));
  const az = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
  for (const a of az) {
    for (const b of az) {
      for (const [names, code] of [[regions, a + b], [languages, (a + b).toLowerCase()]]) {
        try {
          const name = names.of(code);
          if (name) made.add(name);
        } catch (e) { /* not a code Intl takes */ }
      }
    }
  }
  // A morning and an afternoon time of each month: the day period (AM, PM) is Intl's too.
  for (let m = 0; m < 12; m++) {
    for (const hour of [3, 15]) {
      const d = new Date(2026, m, 3 + m, hour, 4);
      for (const o of [{ dateStyle: 'full', timeStyle: 'short' }, { dateStyle: 'medium', timeStyle: 'short' },
        { month: 'long' }, { month: 'short' }, { weekday: 'long' }, { weekday: 'short' }, { weekday: 'narrow' }]) {
        addWords(new Intl.DateTimeFormat(lang, o).format(d));
      }
    }
  }
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month', 'year']) {
    for (const v of [-3, -1, 0, 1, 3]) addWords(rtf.format(v, unit));
  }
  const isData = (piece) => {
    let i = data.indexOf(piece);
    while (i >= 0) {
      const before = data[i - 1];
      const after = data[i + piece.length];
      if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) return true;
      i = data.indexOf(piece, i + 1);
    }
    return false;
  };
  for (const [at, text] of texts) {
    let rest = text;
    for (let before = ''; before !== rest;) {
      before = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, '\u0000');
    }
    for (const raw of rest.split('\u0000')) {
      const piece = raw.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (!letters.test(piece) || allow.has(piece) || made.has(piece) || isData(piece)) continue;
      if ((piece.match(/\p{L}+/gu) || []).every((w) => words.has(w))) continue;
      found.push(`${at}: ${piece} (in "${text}")`);
    }
  }
}
return [...new Set(found)];
