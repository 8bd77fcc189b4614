/**
 * Main-to-renderer notifications (import progress, session locked). The Electron shell
 * forwards them over IPC, the bridge over server-sent events. Never carries personal data.
 */
type Listener = (event: string, payload: unknown) => void;

const listeners = new Set<Listener>();

export const eventBus = {
  emit(event: string, payload: unknown): void {
    for (const l of listeners) l(event, payload);
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
