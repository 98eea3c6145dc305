// The one place where HTML becomes DOM. Messages and works arrive as HTML rendered and sanitised by the server; here
// it is sanitised once more (defence in depth) with the server's own allowlist, and DOMPurify builds the nodes itself
// (RETURN_DOM_FRAGMENT): no innerHTML, outerHTML or unsafeHTML of user text anywhere in the UI (issue 12; a test,
// RenderUiSinksTest, scans the sources for them). What the browser renders from Markdown itself (the composer's
// preview, a bio: core/markdown.js) goes through the same path.
import { Directive, directive } from 'lit/directive.js';
// DOMPurify is a single-file UMD script (bundles/purify.js): imported for its side effect, it defines the global read
// here.
import 'dompurify';
import { linkMentions } from './mentions.js';

const { DOMPurify } = globalThis;

/** The platform's own media (MessageRenderer.OWN_MEDIA): the only images a message may show. */
const OWN_MEDIA = /^\/api\/media\/[A-Za-z0-9_-]{22}(\?w=[1-9][0-9]{1,3})?$/;

/**
 * The server's allowlist (MessageRenderer): these tags, href on links only, http, https and mailto URLs; images whose
 * source is one of our own media (any other image is removed below, after DOMPurify).
 */
const MESSAGE_ALLOWLIST = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img'],
  ALLOWED_ATTR: ['href', 'rel', 'src', 'alt'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/api\/media\/)/i,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * DOMPurify's fragment without images from anywhere else than our own media, without links to relative paths, and
 * with rel="nofollow noopener noreferrer" on every link left (as the server writes them in messages).
 */
function ownMediaOnly(fragment) {
  for (const img of fragment.querySelectorAll('img')) {
    if (!OWN_MEDIA.test(img.getAttribute('src') || '')) img.remove();
  }
  for (const a of fragment.querySelectorAll('a[href]')) {
    if (!/^(?:https?:|mailto:)/i.test(a.getAttribute('href'))) a.removeAttribute('href');
    else a.setAttribute('rel', 'nofollow noopener noreferrer');
  }
  return fragment;
}

class SafeMessageHtml extends Directive {
  render(markup) {
    if (markup !== this.markup || !this.node) {
      this.markup = markup;
      this.node = document.createElement('div');
      this.node.className = 'message-html';
      this.node.style.display = 'contents';
      this.node.append(linkMentions(ownMediaOnly(DOMPurify.sanitize(markup || '', MESSAGE_ALLOWLIST))));
    }
    return this.node;
  }
}

/**
 * A message's server-rendered HTML as sanitised DOM, mentions linked to their people (rebuilt only when the HTML
 * changes).
 */
export const safeMessageHtml = directive(SafeMessageHtml);

let markdown = null;

/**
 * core/markdown.js (the browser's Markdown, for a preview) once it has loaded, or null; the first call loads it and
 * re-renders `host` when it has come. Only what the server has not rendered yet needs it, so the pages that show
 * server HTML never load marked.
 */
export function markdownLater(host) {
  if (!markdown) {
    import('./markdown.js').then((m) => {
      markdown = m;
      host.requestUpdate();
    }, (e) => console.error(e));
  }
  return markdown;
}

/** The plain text that server-style HTML reads as (for excerpts): sanitised as a message, then only its text. */
export function sanitizedText(markup) {
  return DOMPurify.sanitize(markup || '', MESSAGE_ALLOWLIST).textContent.replace(/\s+/g, ' ').trim();
}

/**
 * A work's text: headings, lists, quotes, code, links and rules, and images from this platform's own media only
 * (as in messages). The server's allowlist for works (WorkRenderer).
 */
const WORK_ALLOWLIST = {
  ALLOWED_TAGS: [...MESSAGE_ALLOWLIST.ALLOWED_TAGS, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr'],
  ALLOWED_ATTR: ['href', 'rel', 'src', 'alt', 'start'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/api\/media\/)/i,
  RETURN_DOM_FRAGMENT: true,
};

class SafeWorkHtml extends Directive {
  render(markup) {
    if (markup !== this.markup || !this.node) {
      this.markup = markup;
      this.node = document.createElement('div');
      this.node.className = 'work-text';
      this.node.append(ownMediaOnly(DOMPurify.sanitize(markup || '', WORK_ALLOWLIST)));
    }
    return this.node;
  }
}

/**
 * A work's text as the server rendered and sanitised it (the work's `html`: its Markdown, images described with their
 * stored alt text), sanitised once more here as messages are, and rebuilt only when it changes. The browser does not
 * render a work's Markdown itself: the work reads the same as on its first view and public page, and the page does
 * not pay for compiling a Markdown parser.
 */
export const safeWorkHtml = directive(SafeWorkHtml);
