// The data of a room's conversation, built from history pages and live events in any order: messages by seq,
// the latest edit and the deletion of each, reactions (the latest event per person and emoji wins), and threads.
// Everything is keyed by seq, so an event seen twice (a history page overlapping a live replay) counts once.

export class Timeline {
  constructor() {
    this.clear();
  }

  clear() {
    this.messages = new Map();
    this.edits = new Map();
    this.deletes = new Set();
    this.reactionEvents = new Map();
    this.seen = new Set();
    /** The lowest seq of a loaded history page: older pages load `before` it. */
    this.oldest = null;
    this.newest = 0;
    this.hasOlder = true;
    this.sorted = null;
  }

  /** Applies one event (history item or live frame); returns true when it changed something. */
  apply(e) {
    if (typeof e.seq !== 'number') return false;
    if (e.seq > this.newest) this.newest = e.seq;
    const known = this.seen.has(e.seq);
    this.seen.add(e.seq);
    switch (e.type) {
      case 'message': {
        // A history item shows the message as it is now; live edits and deletions seen before still apply.
        const current = this.messages.get(e.seq);
        const message = { ...e };
        if (current?.editedAt && !message.editedAt) {
          message.text = current.text;
          message.html = current.html;
          message.editedAt = current.editedAt;
        }
        this.messages.set(e.seq, message);
        this.applyPending(message);
        this.sorted = null;
        return true;
      }
      case 'system': {
        // A module's own message (its event "message") shows in the conversation, with the module as its sender;
        // its other events are for its element above the chat.
        if (e.event !== 'message') return false;
        this.messages.set(e.seq, { ...e, system: true });
        this.sorted = null;
        return !known;
      }
      case 'edit': {
        const prior = this.edits.get(e.target);
        if (!prior || prior.seq < e.seq) this.edits.set(e.target, e);
        const m = this.messages.get(e.target);
        if (m) this.applyPending(m);
        return !known;
      }
      case 'delete': {
        this.deletes.add(e.target);
        const m = this.messages.get(e.target);
        if (m) this.applyPending(m);
        return !known;
      }
      case 'reaction': {
        const key = `${e.target}|${e.emoji}|${e.author.id}`;
        const prior = this.reactionEvents.get(key);
        if (!prior || prior.seq < e.seq) this.reactionEvents.set(key, e);
        return !known;
      }
      default:
        return false;
    }
  }

  applyPending(m) {
    const edit = this.edits.get(m.seq);
    if (edit && edit.text !== undefined) {
      m.text = edit.text;
      m.html = edit.html;
      m.editedAt = m.editedAt || edit.createdAt;
    }
    if (this.deletes.has(m.seq)) {
      m.deleted = true;
      delete m.text;
      delete m.html;
    }
  }

  /**
   * Adds a page of history (ascending). `backwards`: the page was the latest or loaded `before` the oldest one,
   * so it tells whether older events remain (a full page that does not start at seq 1).
   */
  addPage(items, { backwards = false, limit = 0 } = {}) {
    for (const item of items) this.apply(item);
    if (items.length) {
      const first = items[0].seq;
      this.oldest = this.oldest === null ? first : Math.min(this.oldest, first);
    }
    if (backwards) this.hasOlder = items.length >= limit && items.length > 0 && items[0].seq > 1;
  }

  /** Messages in seq order. */
  list() {
    if (!this.sorted) this.sorted = [...this.messages.values()].sort((a, b) => a.seq - b.seq);
    return this.sorted;
  }

  get(seq) {
    return this.messages.get(seq);
  }

  /** The replies to a message, in order (a module's messages are never replies). */
  replies(seq) {
    return this.list().filter((m) => m.replyTo === seq);
  }

  /** The reactions of a message: [{emoji, count, people: [{id,name}], mine}], in first-use order. */
  reactions(seq, myId) {
    const byEmoji = new Map();
    const events = [...this.reactionEvents.values()].filter((e) => e.target === seq && e.action !== 'remove')
      .sort((a, b) => a.seq - b.seq);
    for (const e of events) {
      if (!byEmoji.has(e.emoji)) byEmoji.set(e.emoji, { emoji: e.emoji, people: [], mine: false });
      const r = byEmoji.get(e.emoji);
      r.people.push(e.author);
      if (e.author.id === myId) r.mine = true;
    }
    return [...byEmoji.values()].map((r) => ({ ...r, count: r.people.length }));
  }
}
