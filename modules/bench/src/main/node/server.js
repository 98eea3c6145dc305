// The baseline for the live-room benchmark: a minimal broadcast server on the `ws` package.
// Same protocol shape as /ws of Creative Cities Commons (docs/protocol.md), nothing persisted:
// hello on connect; join -> welcome; post -> ack to the sender, then one `message` frame with the room's
// next seq, encoded once and sent to every connection in the room (the sender too).
// Usage: node server.js <port>   prints "ws baseline ready on <port>" when listening.
'use strict';
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 8090);
const rooms = new Map(); // room id -> { seq, members: Set<ws> }

function room(id) {
  let r = rooms.get(id);
  if (!r) { r = { seq: 0, members: new Set() }; rooms.set(id, r); }
  return r;
}

const wss = new WebSocketServer({ port, host: '0.0.0.0', maxPayload: 16384 * 6 + 1024, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.joined = new Set();
  ws.send(JSON.stringify({ type: 'hello', protocol: 1, user: null }));
  ws.on('message', (data) => {
    let f;
    try { f = JSON.parse(data); } catch (e) { f = null; }
    if (!f || typeof f.type !== 'string' || typeof f.room !== 'number') {
      ws.send(JSON.stringify({ type: 'error', code: 'bad-frame', reason: 'bad frame', id: f && f.id }));
      return;
    }
    const r = room(f.room);
    if (f.type === 'join') {
      r.members.add(ws); ws.joined.add(f.room);
      ws.send(JSON.stringify({ type: 'welcome', room: f.room, kind: 'discussion', latestSeq: r.seq, online: [], replay: 0, roomState: null, id: f.id }));
    } else if (f.type === 'post') {
      if (!ws.joined.has(f.room)) {
        ws.send(JSON.stringify({ type: 'error', code: 'not-joined', room: f.room, id: f.id }));
        return;
      }
      const seq = ++r.seq;
      ws.send(JSON.stringify({ type: 'ack', room: f.room, seq, duplicate: false, clientMessageId: f.clientMessageId, id: f.id }));
      const frame = JSON.stringify({ type: 'message', room: f.room, seq, author: { id: 0, name: 'bench' },
        createdAt: new Date().toISOString(), clientMessageId: f.clientMessageId, text: f.text, deleted: false });
      for (const m of r.members) m.send(frame);
    } else {
      ws.send(JSON.stringify({ type: 'error', code: 'bad-frame', reason: 'unsupported', room: f.room, id: f.id }));
    }
  });
  ws.on('close', () => { for (const id of ws.joined) room(id).members.delete(ws); });
  ws.on('error', () => {});
});
wss.on('listening', () => console.log('ws baseline ready on ' + port));
