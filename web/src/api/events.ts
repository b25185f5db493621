import { useEffect, useRef } from 'react';
import type { SlaStatus } from '../../../common/orders/sla.ts';
import type { OrderState } from '../../../common/orders/states.ts';

/** An `event: order` message of /api/events: an order in the user's scope changed. */
export interface OrderLiveEvent {
  orderId: string;
  number: string;
  state: OrderState;
  slaStatus: SlaStatus;
  dueAt: string | null;
  version: number;
  /** An OrderAction, or what the server did itself (create, sla_warning …). */
  action: string;
  at: string;
}

/**
 * The kinds of pushed messages (`event: …` of /api/events). `wallboard` is a bare nudge to leads
 * (contact.monitor): something on their wall board changed, at most once a second. `notify`: the
 * user's own in-app inbox changed. `knowledge`: an article the user reads was published or
 * withdrawn.
 */
export type LiveTopic =
  'order' | 'outage' | 'repair' | 'contact' | 'notify' | 'knowledge' | 'wallboard';
const TOPICS: readonly LiveTopic[] = [
  'order',
  'outage',
  'repair',
  'contact',
  'notify',
  'knowledge',
  'wallboard',
];

type Listener = {
  topic: LiveTopic;
  on: (data: unknown) => void;
  /** The stream came back after a break: events may have been missed. */
  onReconnect?: () => void;
};

// One stream per browser tab, however many pages and components listen: the server keeps one
// connection per subscriber, and a shift lead keeps the list and a detail open at once.
const listeners = new Set<Listener>();
let source: EventSource | null = null;
let broken = false;

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/events', { withCredentials: true });
  for (const topic of TOPICS) {
    es.addEventListener(topic, (msg: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(msg.data);
      } catch {
        return; // a malformed message is dropped; the next refetch repairs the view
      }
      for (const l of listeners) if (l.topic === topic) l.on(data);
    });
  }
  es.onopen = () => {
    if (!broken) return;
    broken = false;
    for (const l of listeners) l.onReconnect?.();
  };
  // The browser reconnects by itself; we only note that something may have been missed.
  es.onerror = () => {
    broken = true;
  };
  source = es;
}

function close(): void {
  source?.close();
  source = null;
  broken = false;
}

/**
 * Calls `on` for every message of a topic pushed by the server while the component is mounted
 * (the payload as the server sent it). The handlers may change between renders; the
 * subscription stays.
 */
export function useLiveEvents<T>(
  topic: LiveTopic,
  on: (e: T) => void,
  onReconnect?: () => void,
): void {
  const latest = useRef({ on, onReconnect });
  useEffect(() => {
    latest.current = { on, onReconnect };
  });
  useEffect(() => {
    const listener: Listener = {
      topic,
      on: (e) => latest.current.on(e as T),
      onReconnect: () => latest.current.onReconnect?.(),
    };
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) close();
    };
  }, [topic]);
}

/** Calls `onOrder` for every order change pushed by the server while the component is mounted. */
export function useOrderEvents(onOrder: (e: OrderLiveEvent) => void, onReconnect?: () => void) {
  useLiveEvents('order', onOrder, onReconnect);
}
