// Installed by LanguageWalk before any script of every page (Page.addScriptToEvaluateOnNewDocument). It wraps fetch to
// record what the page was given: the English catalogues (the strings a page in another language must not show) and
// every string of the API's JSON answers (data, which is shown as it is). With a pseudo-locale (PSEUDO below), it
// also serves that language: it adds it to the languages (the shell's and /ui/i18n/locales.json) and answers each of
// its catalogues with the English one, every string accented and bracketed ⟦like this⟧, so that a string not from a
// catalogue stands out on a page.
(() => {
  const PSEUDO = '%PSEUDO%' || null;
  // The plugins the platform ships; texts of plugins that other tests install (English only on purpose) are data.
  const SHIPPED = ['film', 'gastronomy', 'literature', 'music'];
  // names: what people called things (cities, titles, people), shown as they are even when they read as English.
  const state = { english: new Set(), data: new Set(), names: new Set(), countries: new Set(), pending: 0,
    lastDone: performance.now() };
  window.__cccWalk = state;
  const original = window.fetch.bind(window);
  const ACCENTS = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', y: 'ý', A: 'Á', E: 'É', I: 'Î', O: 'Ö',
    U: 'Û', C: 'Ç', N: 'Ñ', S: 'Š', Z: 'Ž' };
  const pseudo = (s) => `⟦${s.replace(/\{\w+\}|[A-Za-z]/g, (m) => (m.length > 1 ? m : (ACCENTS[m] ?? m)))}⟧`;
  const transform = (v) => {
    if (typeof v === 'string') return pseudo(v);
    if (Array.isArray(v)) return v.map(transform);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, transform(x)]));
    return v;
  };
  const strings = (v, into) => {
    if (typeof v === 'string') into.add(v.replace(/\s+/g, ' ').trim());
    else if (Array.isArray(v)) v.forEach((x) => strings(x, into));
    else if (v && typeof v === 'object') {
      if (typeof v.code === 'string' && /^[A-Z]{2}$/.test(v.code)) state.countries.add(v.code);
      if (into === state.data) {
        ['title', 'displayName', 'author'].filter((k) => typeof v[k] === 'string').forEach((k) => state.names.add(v[k]));
        if (v.country && typeof v.name === 'string') state.names.add(v.name);
      }
      Object.values(v).forEach((x) => strings(x, into));
    }
  };
  const englishTexts = (body) => {
    Object.entries(body.modules || {}).filter(([id]) => SHIPPED.includes(id)).forEach(([, v]) => strings(v, state.english));
    Object.entries(body.roomKinds || {}).forEach(([, v]) => strings(v, state.english));
  };
  const answer = (body) => new Response(JSON.stringify(body), { status: 200,
    headers: { 'Content-Type': 'application/json' } });
  const catalogue = /^(.*\/i18n\/)([^/]+?)((?:\/[^/]+)?\.json)$/;

  async function record(url, response) {
    if (url.origin !== location.origin || !(response.headers.get('Content-Type') || '').includes('json')) return;
    const body = await response.clone().json().catch(() => null);
    if (body === null) return;
    const m = url.pathname.match(catalogue);
    if (m && m[2] === 'en') strings(body, state.english);
    else if (url.pathname === '/api/modules/texts' && url.searchParams.get('lang') === 'en') englishTexts(body);
    else if (url.pathname.startsWith('/api/') || !m || m[2] === 'locales') strings(body, state.data);
  }

  async function serve(input, init) {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (PSEUDO && url.origin === location.origin) {
      if (url.pathname.endsWith('/ui/i18n/locales.json')) {
        const body = await (await original(input, init)).json();
        strings(body, state.data);
        body.locales.push({ code: PSEUDO, name: pseudo('Pseudo') });
        return answer(body);
      }
      const m = url.pathname.match(catalogue);
      if (m && m[2] === PSEUDO) {
        const english = await original(`${m[1]}en${m[3]}`);
        return english.ok ? answer(transform(await english.json())) : english;
      }
      if (url.pathname === '/api/modules/texts' && url.searchParams.get('lang') === PSEUDO) {
        url.searchParams.set('lang', 'en');
        return answer(transform(await (await original(url.toString(), init)).json()));
      }
    }
    const response = await original(input, init);
    await record(url, response);
    return response;
  }

  // The shell carries the languages itself (<script id="ccc-locales">, read once by ui/core/i18n.js): their names are
  // data, and the pseudo-locale is added there as it is to /ui/i18n/locales.json.
  const byId = Document.prototype.getElementById;
  Document.prototype.getElementById = function (id) {
    const element = byId.call(this, id);
    if (id === 'ccc-locales' && element && !element.dataset.walked) {
      const body = JSON.parse(element.textContent);
      strings(body, state.data);
      if (PSEUDO) body.locales.push({ code: PSEUDO, name: pseudo('Pseudo') });
      element.textContent = JSON.stringify(body);
      element.dataset.walked = 'true';
    }
    return element;
  };

  window.fetch = async (input, init) => {
    state.pending++;
    try {
      return await serve(input, init);
    } finally {
      state.pending--;
      state.lastDone = performance.now();
    }
  };
})();
