// What the works pages share: the licences one may choose, and the parsing of the simple list inputs.

/** The licences of works (SPDX ids, as the API takes them); "all rights reserved" is for drafts only. */
export const LICENCES = [
  { spdx: 'CC-BY-SA-4.0', name: 'CC BY-SA 4.0' },
  { spdx: 'CC-BY-4.0', name: 'CC BY 4.0' },
  { spdx: 'CC-BY-NC-4.0', name: 'CC BY-NC 4.0' },
  { spdx: 'CC0-1.0', name: 'CC0 1.0' },
  { spdx: 'LicenseRef-All-Rights-Reserved', name: 'All rights reserved (drafts only)', draftOnly: true },
];

/** "a, b ,c" → ["a", "b", "c"]. */
export function splitList(value) {
  return String(value || '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** A collection's items, one per line: "work 12" or "media Ab3…" → [{work: 12}, {media: "Ab3…"}]. */
export function parseItems(value) {
  return String(value || '').split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [kind, id] = line.split(/\s+/);
    return kind === 'media' ? { media: id } : { work: Number(id) };
  });
}

/** The items of a collection back to the input's text. */
export function formatItems(items) {
  return (items || []).map((i) => ('work' in i ? `work ${i.work}` : `media ${i.media}`)).join('\n');
}
