/**
 * The browser stand-in for preload: served by the bridge as /bridge-client.js and injected into
 * index.html only by the bridge, so it never exists in the packaged app. It defines the same
 * `window.masa` as preload (invoke + on) over fetch and server-sent events. The per-run token
 * arrives in the URL fragment (never sent to the server in a request line) and is kept in
 * sessionStorage for reloads.
 */
import { SHELL } from '../texts/shell';

export const clientShim = `(() => {
  const m = /[#&]token=([0-9a-f]+)/.exec(location.hash);
  if (m) { sessionStorage.setItem('masa.bridgeToken', m[1]); history.replaceState(null, '', location.pathname); }
  const token = sessionStorage.getItem('masa.bridgeToken') || '';
  const listeners = new Map();
  let source = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource('/api/events?token=' + encodeURIComponent(token));
    source.onmessage = (e) => {
      const { event, payload } = JSON.parse(e.data);
      for (const l of listeners.get(event) || []) l(payload);
    };
  }
  const bridge = {
    transport: 'browser',
    async invoke(name, input) {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-masa-token': token },
          body: JSON.stringify({ name, input }),
        });
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'BRIDGE_DOWN', message: ${JSON.stringify(SHELL.bridgeDown.tr)}, messageEn: ${JSON.stringify(SHELL.bridgeDown.en)} } };
      }
    },
    pathForFile() {
      return null;
    },
    on(event, listener) {
      ensureEvents();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  };
  Object.defineProperty(window, 'masa', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;
