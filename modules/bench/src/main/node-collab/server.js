// The baseline for the co-editing benchmark: @codemirror/collab's reference central authority (the "updates
// array, pullUpdates / pushUpdates, version check" example of its documentation), nothing persisted, speaking the
// doc.* frames of /ws (docs/protocol.md, "Co-editing") over the `ws` package so that the same generator drives it.
// Every document starts as the text "bench". Usage: node server.js <port>  prints "collab baseline ready on <port>".
'use strict';
const { WebSocketServer } = require('ws');
const { ChangeSet, Text } = require('@codemirror/state');
require('@codemirror/collab'); // the client side of the same package; loaded so that its pinned version is the one measured against

const port = Number(process.argv[2] || 8091);
const docs = new Map(); // work id -> { updates: [{ changes, clientID, json }], doc: Text, members: Set<ws> }

function document(id) {
  let d = docs.get(id);
  if (!d) { d = { updates: [], doc: Text.of(['bench']), members: new Set() }; docs.set(id, d); }
  return d;
}

function send(ws, frame) { ws.send(JSON.stringify(frame)); }

// pushUpdates of the reference authority: accepted only at the current version; applied in order; broadcast.
function push(ws, d, f) {
  if (f.version !== d.updates.length) {
    send(ws, { type: 'doc.rejected', work: f.work, reason: 'stale', version: d.updates.length, from: f.version,
      updates: d.updates.slice(f.version).map((u) => u.json), id: f.id });
    return;
  }
  const from = d.updates.length;
  const out = [];
  try {
    let doc = d.doc;
    const accepted = [];
    for (const u of f.updates) {
      const changes = ChangeSet.fromJSON(u.changes);
      doc = changes.apply(doc);
      const json = { clientID: u.clientID, author: 0, changes: u.changes };
      accepted.push({ changes, clientID: u.clientID, json });
      out.push(json);
    }
    d.doc = doc;
    d.updates.push(...accepted);
  } catch (e) {
    send(ws, { type: 'error', code: 'bad-changes', reason: String(e.message), work: f.work, id: f.id });
    return;
  }
  const frame = JSON.stringify({ type: 'doc.updates', work: f.work, from, updates: out });
  for (const m of d.members) m.send(frame);
  send(ws, { type: 'doc.ack', work: f.work, version: d.updates.length, count: out.length, id: f.id });
}

const wss = new WebSocketServer({ port, host: '0.0.0.0', maxPayload: 99328, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.docs = new Set();
  send(ws, { type: 'hello', protocol: 1, user: null });
  ws.on('message', (data) => {
    let f;
    try { f = JSON.parse(data); } catch (e) { f = null; }
    if (!f || typeof f.type !== 'string' || typeof f.work !== 'number') {
      send(ws, { type: 'error', code: 'bad-frame', reason: 'bad frame', id: f && f.id });
      return;
    }
    const d = document(f.work);
    if (f.type === 'doc.join') {
      d.members.add(ws); ws.docs.add(f.work);
      send(ws, { type: 'doc.joined', work: f.work, version: d.updates.length, you: 0, canEdit: true, online: [],
        limits: { maxUpdateChars: 16384, maxDocumentChars: 1048576 }, text: d.doc.toString(), id: f.id });
    } else if (f.type === 'doc.leave') {
      d.members.delete(ws); ws.docs.delete(f.work);
      send(ws, { type: 'doc.left', work: f.work, id: f.id });
    } else if (!d.members.has(ws)) {
      send(ws, { type: 'error', code: 'not-joined', work: f.work, id: f.id });
    } else if (f.type === 'doc.push' && Array.isArray(f.updates)) {
      push(ws, d, f);
    } else if (f.type === 'doc.pull' && typeof f.since === 'number') {
      send(ws, { type: 'doc.updates', work: f.work, from: f.since,
        updates: d.updates.slice(f.since).map((u) => u.json), id: f.id });
    } else {
      send(ws, { type: 'error', code: 'bad-frame', reason: 'unsupported', work: f.work, id: f.id });
    }
  });
  ws.on('close', () => { for (const id of ws.docs) document(id).members.delete(ws); });
  ws.on('error', () => {});
});
wss.on('listening', () => console.log('collab baseline ready on ' + port));
