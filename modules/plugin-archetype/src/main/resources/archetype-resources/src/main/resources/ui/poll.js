// <ccc-${pluginId}-poll>: the element above a poll room's chat. The room page sets its properties:
// room, user, manager, and channel = { state, send(action, payload), subscribe(fn) }. It shows the counts the
// server broadcasts (plugin.state frames), sends votes, and lets a moderator close or reopen the poll.
// Texts come from this plugin's catalogues (ui/i18n/en.json, fr.json), registered under the namespace "${pluginId}".
import { registerNamespace, loadNamespaces, t } from '/ui/core/i18n.js';

const NS = '${pluginId}';
registerNamespace(NS, (lang) => '/plugins/' + NS + '/ui/i18n/' + lang + '.json');

class PollElement extends HTMLElement {
  set channel(channel) {
    this._unsubscribe?.();
    this._channel = channel;
    this._state = channel?.state || null;
    this._unsubscribe = channel?.subscribe((frame) => {
      if (frame?.type === 'plugin.state' && frame.state) {
        this._state = frame.state;
        this._render();
      }
    });
    this._render();
  }

  get channel() {
    return this._channel;
  }

  set manager(value) {
    this._manager = Boolean(value);
    this._render();
  }

  connectedCallback() {
    loadNamespaces(NS).then(() => this._render());
  }

  disconnectedCallback() {
    this._unsubscribe?.();
    this._unsubscribe = null;
  }

  _send(action, payload) {
    this._error = '';
    this._channel?.send(action, payload).catch((error) => {
      this._error = t(NS + ':poll.refused', { message: error?.message || error?.code || '' });
      this._render();
    });
  }

  _button(label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  _render() {
    if (!this.isConnected) return;
    const s = this._state || { open: true, yes: 0, no: 0 };
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = t(NS + ':poll.counts', { yes: s.yes, no: s.no }) + ' '
      + t(s.open ? NS + ':poll.open' : NS + ':poll.closed');
    const actions = document.createElement('div');
    if (s.open) {
      actions.append(this._button(t(NS + ':poll.yes'), () => this._send('vote', { choice: 'yes' })),
        this._button(t(NS + ':poll.no'), () => this._send('vote', { choice: 'no' })));
    }
    if (this._manager) {
      actions.append(s.open ? this._button(t(NS + ':poll.close'), () => this._send('close', {}))
        : this._button(t(NS + ':poll.reopen'), () => this._send('reopen', {})));
    }
    const error = document.createElement('p');
    error.setAttribute('role', 'alert');
    error.textContent = this._error || '';
    const section = document.createElement('section');
    section.setAttribute('aria-label', t(NS + ':poll.label'));
    section.append(status, actions, error);
    this.replaceChildren(section);
  }
}

customElements.define('ccc-' + NS + '-poll', PollElement);
