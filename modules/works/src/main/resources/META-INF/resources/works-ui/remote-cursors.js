// The other editors' selections in a CodeMirror view: a caret with the person's name and a tinted selection per
// connection (peer). Positions arrive for the server's text at a version; they are placed in the local text (the
// server's plus this editor's unconfirmed changes) and then follow every local change.
import { StateField, StateEffect } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';

const COLOURS = ['#b3261e', '#1a6b3c', '#1f4fa3', '#8a4b00', '#6b2fa3', '#00707a'];

/** Sets (ranges) or removes (ranges null) a peer's cursor: {peer, name, ranges}. */
export const setCursor = StateEffect.define();

class CaretWidget extends WidgetType {
  constructor(name, colour) {
    super();
    this.name = name;
    this.colour = colour;
  }

  eq(other) {
    return other.name === this.name && other.colour === this.colour;
  }

  toDOM() {
    const caret = document.createElement('span');
    caret.className = 'cm-remote-caret';
    caret.style.borderLeftColor = this.colour;
    const label = document.createElement('span');
    label.className = 'cm-remote-name';
    label.style.backgroundColor = this.colour;
    label.textContent = this.name;
    caret.appendChild(label);
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

function decorations(cursors) {
  const ranges = [];
  for (const [peer, c] of cursors) {
    const colour = COLOURS[peer % COLOURS.length];
    for (const r of c.ranges) {
      const from = Math.min(r.anchor, r.head);
      const to = Math.max(r.anchor, r.head);
      if (to > from) {
        ranges.push(Decoration.mark({ attributes: { style: `background-color: ${colour}33` } }).range(from, to));
      }
      ranges.push(Decoration.widget({ widget: new CaretWidget(c.name, colour), side: 1 }).range(r.head));
    }
  }
  return Decoration.set(ranges, true);
}

export const remoteCursors = StateField.define({
  create: () => new Map(),
  update(cursors, tr) {
    let next = cursors;
    if (!tr.changes.empty) {
      next = new Map();
      for (const [peer, c] of cursors) {
        next.set(peer, {
          name: c.name,
          ranges: c.ranges.map((r) => ({ anchor: tr.changes.mapPos(r.anchor), head: tr.changes.mapPos(r.head) })),
        });
      }
    }
    for (const e of tr.effects) {
      if (!e.is(setCursor)) continue;
      if (next === cursors) next = new Map(cursors);
      if (e.value.ranges) {
        const length = tr.state.doc.length;
        next.set(e.value.peer, {
          name: e.value.name,
          ranges: e.value.ranges.map((r) => ({ anchor: Math.min(r.anchor, length), head: Math.min(r.head, length) })),
        });
      } else {
        next.delete(e.value.peer);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, decorations),
});
