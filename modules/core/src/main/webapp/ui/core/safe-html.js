// The one place where HTML becomes DOM. Messages arrive as HTML rendered and sanitised by the server; here it is
// sanitised once more (defence in depth) with the server's own allowlist, and DOMPurify builds the nodes itself
// (RETURN_DOM_FRAGMENT): no innerHTML, outerHTML or unsafeHTML of user text anywhere in the UI (issue 12; a test,
// RenderUiSinksTest, scans the sources for them). The composer's preview goes through the same path.
import { Directive, directive } from 'lit/directive.js';
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/** The server's allowlist (MessageRenderer): these tags, href on links only, http, https and mailto URLs. */
const MESSAGE_ALLOWLIST = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  ALLOWED_ATTR: ['href', 'rel'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  RETURN_DOM_FRAGMENT: true,
};

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markdown as the server reads it for the preview: raw HTML is shown as text, as the server escapes it too. */
const PREVIEW_MARKDOWN = new Marked({
  breaks: true,
  renderer: { html: ({ text }) => escapeText(text) },
});

class SafeMessageHtml extends Directive {
  render(markup) {
    if (markup !== this.markup || !this.node) {
      this.markup = markup;
      this.node = document.createElement('div');
      this.node.className = 'message-html';
      this.node.style.display = 'contents';
      this.node.append(DOMPurify.sanitize(markup || '', MESSAGE_ALLOWLIST));
    }
    return this.node;
  }
}

/** A message's server-rendered HTML as sanitised DOM (rebuilt only when the HTML changes). */
export const safeMessageHtml = directive(SafeMessageHtml);

/** The composer's preview of a text: Markdown rendered in the browser, then the same path as delivered messages. */
export function previewHtml(text) {
  return safeMessageHtml(PREVIEW_MARKDOWN.parse(text));
}

/**
 * A work's text: headings, lists, quotes, code, links and rules, and images from this platform's own media only
 * (src under /api/media/). Raw HTML in the Markdown is shown as text, as in messages.
 */
const WORK_ALLOWLIST = {
  ALLOWED_TAGS: [...MESSAGE_ALLOWLIST.ALLOWED_TAGS, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img'],
  ALLOWED_ATTR: ['href', 'rel', 'src', 'alt', 'title'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/api\/media\/)/i,
  RETURN_DOM_FRAGMENT: true,
};

const WORK_MARKDOWN = new Marked({ renderer: { html: ({ text }) => escapeText(text) } });

function ownMediaOnly(node) {
  if (node.tagName === 'IMG' && !/^\/api\/media\/[A-Za-z0-9_-]+(\?[A-Za-z0-9=&]*)?$/.test(node.getAttribute('src') || '')) {
    node.remove();
  }
}

class SafeWorkHtml extends Directive {
  render(markdown) {
    if (markdown !== this.markdown || !this.node) {
      this.markdown = markdown;
      this.node = document.createElement('div');
      this.node.className = 'work-text';
      DOMPurify.addHook('afterSanitizeAttributes', ownMediaOnly);
      try {
        this.node.append(DOMPurify.sanitize(WORK_MARKDOWN.parse(markdown || ''), WORK_ALLOWLIST));
      } finally {
        DOMPurify.removeHook('afterSanitizeAttributes');
      }
    }
    return this.node;
  }
}

/** A work's Markdown, rendered in the browser and sanitised (rebuilt only when the text changes). */
export const safeWorkHtml = directive(SafeWorkHtml);
