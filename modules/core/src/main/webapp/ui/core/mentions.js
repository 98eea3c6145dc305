// Mentions in messages. The composer writes a mention as "@[42]" (account 42, whatever spaces its name has, and still
// right after a rename); here, in a message's sanitised DOM, each "@[42]" outside code and links becomes a link to
// the person's profile showing their current name (GET /api/people/42, asked once per person and page load).
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { api } from './api.js';

const TOKEN = /@\[(\d{1,18})\]/g;
const names = new Map();

/** The person's current display name (null when unknown), fetched once per page load. */
export function personName(id) {
  if (!names.has(id)) {
    names.set(id, api(`/people/${id}`).then((p) => p.displayName).catch(() => null));
  }
  return names.get(id);
}

function mentionLink(id) {
  const a = document.createElement('a');
  a.href = `/people/${id}`;
  a.className = 'mention';
  a.dataset.mention = id;
  a.textContent = '@…';
  personName(id).then((name) => { a.textContent = name ? `@${name}` : `@[${id}]`; });
  return a;
}

/** Replaces each "@[id]" in the fragment's text (not in code, pre or links) by a link to that person. */
export function linkMentions(fragment) {
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement?.closest('code, pre, a') && node.data.includes('@[')) found.push(node);
  }
  for (const node of found) {
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const m of node.data.matchAll(TOKEN)) {
      parts.append(node.data.slice(last, m.index), mentionLink(m[1]));
      last = m.index + m[0].length;
    }
    parts.append(node.data.slice(last));
    node.replaceWith(parts);
  }
  return fragment;
}

/** A plain text (a mention's excerpt) with each "@[id]" shown as the person's current name, linked to them. */
export function mentionText(text) {
  const parts = [];
  let last = 0;
  for (const m of (text || '').matchAll(TOKEN)) {
    const id = m[1];
    parts.push(text.slice(last, m.index), html`<a href=${`/people/${id}`} class="mention" data-mention=${id}>${until(
      personName(id).then((name) => (name ? `@${name}` : m[0])), '@…')}</a>`);
    last = m.index + m[0].length;
  }
  parts.push((text || '').slice(last));
  return parts;
}
