// /works/:id/edit: live co-editing of a text work (CodeMirror 6 with @codemirror/collab, the server as the central
// authority; docs/protocol.md, "Co-editing"). Shows who is here, the others' cursors with their names, whether every
// change is saved (acknowledged by the server), and an offline banner while the connection is down: changes made
// offline are kept and sent, rebased, once the connection is back. Images dropped on the text or picked below it are
// uploaded with a progress bar, inserted at the cursor, and ask for their alt text at once (ccc-media-upload).
import { html, nothing } from 'lit';
import { ChangeSet, EditorState } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import { collab, getClientID, getSyncedVersion, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { loadNamespaces, t } from '/ui/core/i18n.js';
import { mediaMarkdown } from '/ui/core/upload.js';
import '/ui/components/media-upload.js';
import { currentUser } from '/ui/core/session.js';
import { errorBox, loading, pageReady, setTitle } from '/ui/core/view.js';
import { DocSocket } from './doc-socket.js';
import { remoteCursors, setCursor } from './remote-cursors.js';

const MAX_PUSH = 100;
const CURSOR_EVERY_MS = 150;

const theme = EditorView.theme({
  '&': { border: '1px solid #8a8a8a', minHeight: '16rem', backgroundColor: '#fff' },
  '.cm-content': { fontFamily: 'ui-monospace, monospace', padding: '1.5rem 0.5rem 0.5rem' },
  '.cm-remote-caret': { position: 'relative', borderLeft: '2px solid', marginLeft: '-1px', marginRight: '-1px' },
  '.cm-remote-name': {
    position: 'absolute', top: '-1.3em', left: '-2px', fontSize: '0.75em', color: '#fff', padding: '0 0.25em',
    whiteSpace: 'nowrap', borderRadius: '2px', pointerEvents: 'none',
  },
});

class WorkEditorPage extends CccElement {
  static properties = {
    params: { attribute: false },
    _title: { state: true },
    _error: { state: true },
    _online: { state: true },
    _joined: { state: true },
    _people: { state: true },
    _saved: { state: true },
    _canEdit: { state: true },
    _notice: { state: true },
    _versionSaved: { state: true },
  };

  constructor() {
    super();
    this._people = new Map();
    this._online = false;
    this._joined = false;
    this._saved = true;
    this._inFlight = false;
    this._view = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._work = Number(this.params?.id);
    setTitle(t('collab:title'));
    this._load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this._socket) this._socket.close();
    if (this._view) this._view.destroy();
  }

  async _load() {
    if (!currentUser()) {
      this._error = new Error(t('collab:signIn'));
      pageReady(this);
      return;
    }
    try {
      await loadNamespaces('works');
      const work = await api(`/works/${this._work}`);
      this._title = work.title;
      setTitle(`${work.title} · ${t('collab:title')}`);
    } catch (e) {
      this._error = e;
      pageReady(this);
      return;
    }
    this._socket = new DocSocket(this._work, {
      onFrame: (f) => this._frame(f),
      onStatus: (s) => this._status(s),
      since: () => (this._view ? getSyncedVersion(this._view.state) : null),
    });
  }

  _status(status) {
    this._online = status === 'online';
    if (!this._online) {
      this._inFlight = false;
      this._people = new Map();
      if (this._view) {
        const effects = [...this._cursorPeers()].map((peer) => setCursor.of({ peer, ranges: null }));
        if (effects.length) this._view.dispatch({ effects });
      }
    }
  }

  * _cursorPeers() {
    if (!this._view) return;
    for (const peer of this._view.state.field(remoteCursors).keys()) yield peer;
  }

  _frame(f) {
    switch (f.type) {
      case 'doc.joined':
        this._joinedFrame(f);
        break;
      case 'doc.updates':
        this._receive(f.from, f.updates);
        break;
      case 'doc.rejected':
        this._inFlight = false;
        this._receive(f.from, f.updates);
        this._push();
        break;
      case 'doc.ack':
        this._inFlight = false;
        this._push();
        this._cursorSoon();
        break;
      case 'doc.presence':
        this._presence(f);
        break;
      case 'doc.cursor':
        this._remoteCursor(f);
        break;
      case 'error':
        if (f.id === 'push') this._inFlight = false;
        this._notice = f.reason;
        break;
      default:
        break;
    }
    this._updateSaved();
  }

  _joinedFrame(f) {
    this._canEdit = f.canEdit;
    this._you = f.you;
    this._people = new Map(f.online.map((o) => [o.peer, o.user]));
    if (f.text !== undefined) {
      if (this._view && sendableUpdates(this._view.state).length) this._notice = t('collab:reset');
      this._createView(f.text, f.version);
    } else {
      this._receive(f.from, f.updates);
    }
    this._joined = true;
    pageReady(this);
    this._push();
    this._sendCursor();
  }

  _createView(text, version) {
    const page = this;
    const plugin = ViewPlugin.fromClass(class {
      update(update) {
        if (update.docChanged) page._push();
        if (update.selectionSet || update.docChanged) page._cursorSoon();
        page._updateSaved();
      }
    });
    const state = EditorState.create({
      doc: text,
      extensions: [
        collab({ startVersion: version }),
        remoteCursors,
        plugin,
        theme,
        EditorView.lineWrapping,
        EditorView.domEventHandlers({ drop: (e) => this._dropFiles(e) }),
        EditorView.editable.of(this._canEdit),
        EditorState.readOnly.of(!this._canEdit),
        EditorView.contentAttributes.of({ 'aria-label': t('collab:editorLabel'), 'data-testid': 'editor-content' }),
      ],
    });
    if (this._view) this._view.destroy();
    this._view = new EditorView({ state });
    this.updateComplete.then(() => {
      const host = this.querySelector('[data-testid=editor]');
      if (host && this._view && !host.contains(this._view.dom)) host.appendChild(this._view.dom);
    });
  }

  /** Updates `from`+1 …: those already applied are skipped; a gap is filled by a pull. */
  _receive(from, updates) {
    if (!this._view) return;
    const synced = getSyncedVersion(this._view.state);
    if (from > synced) {
      this._socket.send({ type: 'doc.pull', since: synced, id: 'pull' });
      return;
    }
    const fresh = updates.slice(synced - from);
    if (!fresh.length) return;
    this._view.dispatch(receiveUpdates(this._view.state, fresh.map((u) => ({
      clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes),
    }))));
  }

  _push() {
    if (!this._view || this._inFlight || !this._online) return;
    const updates = sendableUpdates(this._view.state).slice(0, MAX_PUSH);
    if (!updates.length) return;
    const sent = this._socket.send({
      type: 'doc.push', version: getSyncedVersion(this._view.state), id: 'push',
      updates: updates.map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    });
    this._inFlight = sent;
  }

  _updateSaved() {
    this._saved = !!this._view && !this._inFlight && sendableUpdates(this._view.state).length === 0;
  }

  _presence(f) {
    const people = new Map(this._people);
    if (f.event === 'joined') {
      people.set(f.peer, f.user);
    } else {
      people.delete(f.peer);
      if (this._view) this._view.dispatch({ effects: setCursor.of({ peer: f.peer, ranges: null }) });
    }
    this._people = people;
  }

  /** A cursor for the server's text at its version, placed in the local text through the unconfirmed changes. */
  _remoteCursor(f) {
    if (!this._view || f.peer === this._you || f.version !== getSyncedVersion(this._view.state)) return;
    let ranges = f.ranges;
    for (const u of sendableUpdates(this._view.state)) {
      ranges = ranges.map((r) => ({ anchor: u.changes.mapPos(r.anchor), head: u.changes.mapPos(r.head) }));
    }
    this._view.dispatch({ effects: setCursor.of({ peer: f.peer, name: f.user.name, ranges }) });
  }

  _cursorSoon() {
    if (this._cursorTimer) return;
    this._cursorTimer = setTimeout(() => {
      this._cursorTimer = null;
      this._sendCursor();
    }, CURSOR_EVERY_MS);
  }

  /** Sends my selection, in the server's text at my synced version (only when nothing is unconfirmed). */
  _sendCursor() {
    if (!this._view || !this._online || sendableUpdates(this._view.state).length) return;
    const ranges = this._view.state.selection.ranges.slice(0, 100).map((r) => ({ anchor: r.anchor, head: r.head }));
    this._socket.send({ type: 'doc.cursor', version: getSyncedVersion(this._view.state), ranges });
  }

  /** Files dropped on the text go to the upload below it (which shows their progress). */
  _dropFiles(event) {
    const upload = this.querySelector('ccc-media-upload');
    if (!upload || !event.dataTransfer?.files?.length) return false;
    event.preventDefault();
    upload.attach(event.dataTransfer.files);
    return true;
  }

  /** An uploaded image's Markdown, on a line of its own at the cursor. */
  _insertMedia({ media, name }) {
    if (!this._view) return;
    const { state } = this._view;
    const at = state.selection.main.head;
    const lead = at > 0 && state.doc.sliceString(at - 1, at) !== '\n' ? '\n' : '';
    const insert = `${lead}${mediaMarkdown(media, name)}\n`;
    this._view.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.length } });
  }

  /** Makes the server's live text a version of the work (the works context reads it from the authority). */
  async _saveVersion() {
    try {
      const work = await api(`/works/${this._work}/versions`, { method: 'POST', body: {} });
      this._versionSaved = work.version;
      this._notice = null;
    } catch (e) {
      this._notice = e.message;
    }
  }

  _people_list() {
    const byUser = new Map();
    for (const user of this._people.values()) byUser.set(user.id, user.name);
    return [...byUser.values()];
  }

  render() {
    if (this._error) return errorBox(this._error);
    return html`
      <h1>${this._title ?? ''}</h1>
      ${this._online || !this._joined ? nothing : html`
        <div class="banner banner-warning" role="status" data-testid="offline-banner">
          ${t('collab:offline')}
          <button type="button" @click=${() => this._socket.drop()}>${t('collab:retry')}</button>
        </div>`}
      ${this._notice ? html`<p class="notice" role="alert" data-testid="doc-notice">${this._notice}</p>` : nothing}
      <div class="doc-bar">
        <span data-testid="doc-status" data-saved=${this._saved ? 'true' : 'false'}>
          ${this._saved ? t('collab:saved') : t('collab:saving')}</span>
        ${this._canEdit === false ? html`<span data-testid="doc-read-only">${t('collab:readOnly')}</span>` : html`
          <button type="button" data-testid="save-version" ?disabled=${!this._joined}
            @click=${() => this._saveVersion()}>${t('collab:saveVersion')}</button>`}
        ${this._versionSaved ? html`<span role="status" data-testid="version-saved">
          ${t('collab:versionSaved', { version: this._versionSaved })}</span>` : nothing}
        <span>${t('collab:here')}</span>
        <ul class="inline-list" data-testid="doc-people">
          ${this._people_list().map((name) => html`<li>${name}</li>`)}
        </ul>
      </div>
      ${this._joined ? nothing : loading()}
      <div data-testid="editor" data-client=${this._view ? getClientID(this._view.state) : ''}></div>
      ${this._canEdit ? html`<ccc-media-upload @media-uploaded=${(e) => this._insertMedia(e.detail)}></ccc-media-upload>`
        : nothing}`;
  }

  updated() {
    const host = this.querySelector('[data-testid=editor]');
    if (host && this._view && !host.contains(this._view.dom)) host.appendChild(this._view.dom);
  }
}

customElements.define('ccc-work-editor-page', WorkEditorPage);
