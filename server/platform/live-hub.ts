/**
 * Live updates to browsers (DESIGN §5): messages dispatched from the outbox reach every process
 * (PostgreSQL NOTIFY on a server; directly in embedded mode, which is one process) and each
 * process hands them to its own Server-Sent-Events subscribers whose filter accepts them.
 */
import type { Database } from '../db/database.js';

export interface LiveMessage {
  topic: string;
  payload: Record<string, unknown>;
  orgId: string | null;
  provinceId: string | null;
}

export const LIVE_CHANNEL = 'lx_live';

export interface LiveHub {
  subscribe(accept: (m: LiveMessage) => boolean, send: (m: LiveMessage) => void): () => void;
  deliver(messages: readonly LiveMessage[]): void;
  subscribers(): number;
  close(): Promise<void>;
}

export async function startLiveHub(
  database: Database,
  onError: (err: unknown) => void,
): Promise<LiveHub> {
  const subs = new Set<{ accept: (m: LiveMessage) => boolean; send: (m: LiveMessage) => void }>();
  const deliver = (messages: readonly LiveMessage[]) => {
    for (const m of messages) {
      for (const s of subs) {
        try {
          if (s.accept(m)) s.send(m);
        } catch (err) {
          onError(err);
        }
      }
    }
  };
  const stop = await database.listen(LIVE_CHANNEL, {
    onMessage: (text) => {
      if (!text) return;
      try {
        deliver([JSON.parse(text) as LiveMessage]);
      } catch (err) {
        onError(err);
      }
    },
    onUp: () => {},
    onDown: onError,
  });
  return {
    subscribe(accept, send) {
      const s = { accept, send };
      subs.add(s);
      return () => subs.delete(s);
    },
    deliver,
    subscribers: () => subs.size,
    close: stop,
  };
}
