import { useSyncExternalStore } from 'react';

// One timer for every countdown on the page: a list of 100 rows must not start 100 intervals.
const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(onTick: () => void): () => void {
  subscribers.add(onTick);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const s of subscribers) s();
    }, 1000);
  }
  return () => {
    subscribers.delete(onTick);
    if (subscribers.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time in ms, updated every second while any component shows a countdown. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
