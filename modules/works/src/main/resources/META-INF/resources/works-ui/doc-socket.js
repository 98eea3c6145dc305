// The co-editing connection of one editor page (docs/protocol.md, "Co-editing"): its own WebSocket to /ws, opened
// with a single-use ticket, that joins one work's document and re-joins it with `since` after every reconnect
// (exponential backoff with jitter). Frames go to `onFrame`; `onStatus` hears 'online' / 'offline'.
import { api } from '/ui/core/api.js';

const MAX_BACKOFF_MS = 10000;

export class DocSocket {
  constructor(work, { onFrame, onStatus, since }) {
    this.work = work;
    this.onFrame = onFrame;
    this.onStatus = onStatus;
    this.since = since;
    this.attempt = 0;
    this.closed = false;
    this.ws = null;
    this._connect();
  }

  async _connect() {
    if (this.closed) return;
    let ticket;
    try {
      ticket = (await api('/live/tickets', { method: 'POST' })).ticket;
    } catch (e) {
      this._retry();
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    let ws;
    try {
      ws = new WebSocket(`${scheme}://${location.host}/ws?ticket=${encodeURIComponent(ticket)}`);
    } catch (e) {
      this._retry();
      return;
    }
    this.ws = ws;
    ws.onmessage = (e) => {
      const frame = JSON.parse(e.data);
      if (frame.type === 'hello') {
        this.attempt = 0;
        const join = { type: 'doc.join', work: this.work, id: 'join' };
        const since = this.since();
        if (since !== null && since !== undefined) join.since = since;
        ws.send(JSON.stringify(join));
        return;
      }
      if (frame.type === 'doc.joined') this.onStatus('online');
      this.onFrame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.onStatus('offline');
      this._retry();
    };
  }

  _retry() {
    if (this.closed) return;
    this.attempt += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.attempt, 6)) * (0.5 + Math.random() / 2);
    setTimeout(() => this._connect(), delay);
  }

  /** Sends a frame if connected; false when offline (the editor keeps its changes and pushes after the re-join). */
  send(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify({ work: this.work, ...frame }));
    return true;
  }

  /** Drops the connection now (the offline banner's test hook, and leaving the page). */
  drop() {
    if (this.ws) this.ws.close();
  }

  close() {
    this.closed = true;
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close();
    }
  }
}
