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

type Listener = {
  onOrder: (e: OrderLiveEvent) => void;
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
  es.addEventListener('order', (msg: MessageEvent<string>) => {
    let data: OrderLiveEvent;
    try {
      data = JSON.parse(msg.data) as OrderLiveEvent;
    } catch {
      return; // a malformed message is dropped; the next refetch repairs the view
    }
    for (const l of listeners) l.onOrder(data);
  });
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
 * Calls `onOrder` for every order change pushed by the server while the component is mounted.
 * The handler may change between renders; the subscription stays.
 */
export function useOrderEvents(onOrder: (e: OrderLiveEvent) => void, onReconnect?: () => void) {
  const latest = useRef<Listener>({ onOrder, onReconnect });
  useEffect(() => {
    latest.current = { onOrder, onReconnect };
  });
  useEffect(() => {
    const listener: Listener = {
      onOrder: (e) => latest.current.onOrder(e),
      onReconnect: () => latest.current.onReconnect?.(),
    };
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) close();
    };
  }, []);
}
