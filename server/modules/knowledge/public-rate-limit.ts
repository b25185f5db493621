/**
 * A small per-address limit for the public knowledge endpoints (no login, so anyone may call
 * them): a fixed window of requests per client address, kept in this process's memory. Behind
 * several app processes each counts its own share, which is enough to stop a scraper's loop;
 * set TRUST_PROXY behind a reverse proxy so the address is the client's.
 */
export interface RateLimiter {
  /** Counts one request; false when the address is over its limit for this window. */
  allow(key: string, now?: number): boolean;
}

export function fixedWindowLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    allow(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        // Forget finished windows now and then, so the map does not grow with every address.
        if (windows.size > 10_000)
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count <= limit;
    },
  };
}

/** Requests per address per minute on the public endpoints. */
export const PUBLIC_LIMIT_PER_MINUTE = 120;
