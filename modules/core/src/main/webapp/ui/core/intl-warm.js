// A worker that makes one Intl formatter of each kind the UI uses, for the locale it is sent, and says when it is
// done. The first formatter a page makes loads the locale's data from ICU, which the browser keeps for the whole
// page: made here, that loading (30-100 ms on this machine's Chromium, far more on a slowed phone) runs beside the
// page instead of in the middle of its first drawing, whose own formatters then take well under a millisecond.
// Started by i18n.js.
onmessage = (event) => {
  const locale = event.data;
  new Intl.NumberFormat(locale).format(1234.5);
  new Intl.PluralRules(locale).select(2);
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date());
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'day');
  new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of('FR');
  postMessage(locale);
};
