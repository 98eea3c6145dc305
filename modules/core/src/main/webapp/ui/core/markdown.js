// Markdown rendered in the browser, for what the server has not rendered yet: the composer's preview, and the short
// texts people write about themselves (a bio, a city's description while it is edited). marked reads it as the server
// does (raw HTML shown as text, line breaks kept); the result then takes the sanitised path of delivered messages
// (core/safe-html.js). Pages that only show what the server rendered (a room's messages, a work) never load it:
// marked compiles its patterns on first use, a long task on a slow phone.
// marked is a single-file UMD script (bundles/marked.js): imported for its side effect, it defines the global read
// here.
import 'marked';
import { safeMessageHtml, sanitizedText } from './safe-html.js';

const { Marked } = globalThis.marked;

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markdown as the server reads it for messages: raw HTML is shown as text, as the server escapes it too. */
const PREVIEW_MARKDOWN = new Marked({
  breaks: true,
  renderer: { html: ({ text }) => escapeText(text) },
});

/** The composer's preview of a text: Markdown rendered in the browser, then the same path as delivered messages. */
export function previewHtml(text) {
  return safeMessageHtml(PREVIEW_MARKDOWN.parse(text));
}

/** A bio (or any short Markdown a person writes about themselves), rendered and sanitised as messages are. */
export function markdownHtml(text) {
  return previewHtml(text);
}

/** The plain text a Markdown text reads as (for excerpts): rendered, sanitised, then only its text. */
export function markdownText(text) {
  return sanitizedText(PREVIEW_MARKDOWN.parse(text || ''));
}
