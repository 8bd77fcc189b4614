/**
 * Main-to-renderer notifications (import progress, session locked). The Electron shell
 * forwards them over IPC, the bridge over server-sent events. Never carries personal data.
 * One per MasaApp (`app.events`): two apps in one process (tests) never hear each other.
 */
type Listener = (event: string, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit(event: string, payload: unknown): void {
    for (const l of this.listeners) l(event, payload);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
