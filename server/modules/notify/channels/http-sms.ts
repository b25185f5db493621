import { SendError, type Transport } from './transport.js';

/**
 * An SMS gateway reached by JSON over HTTP. The request, one per message:
 *
 *   POST <url>
 *   Authorization: Bearer <key>
 *   Idempotency-Key: <delivery id>
 *   Content-Type: application/json
 *   {"to": "13800138000", "text": "…", "clientRef": "<delivery id>"}
 *
 * A 2xx answer means accepted; its JSON `id` (or `messageId`), when present, is kept as the
 * provider's reference. 408, 429 and 5xx, a timeout or a broken connection are tried again later;
 * any other 4xx refuses the message for good (a malformed number, an unknown key). A gateway
 * that honours Idempotency-Key (or dedupes on clientRef) closes the at-least-once window of a
 * crash between its answer and our record of it.
 */
export function httpSmsTransport(opts: {
  url: string;
  key: string;
  timeoutMs?: number;
}): Transport {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return {
    provider: 'http-sms',
    async send(m) {
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${opts.key}`,
            'content-type': 'application/json',
            'idempotency-key': m.deliveryId,
          },
          body: JSON.stringify({ to: m.to, text: m.body, clientRef: m.deliveryId }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new SendError(`SMS gateway unreachable: ${(e as Error).message}`, false);
      }
      const text = await res.text().catch(() => '');
      if (!res.ok) {
        const retry = res.status === 408 || res.status === 429 || res.status >= 500;
        throw new SendError(`SMS gateway answered ${res.status}: ${text.slice(0, 200)}`, !retry);
      }
      let ref: string | null = null;
      try {
        const body = JSON.parse(text) as { id?: unknown; messageId?: unknown };
        const id = body.id ?? body.messageId;
        if (typeof id === 'string' || typeof id === 'number') ref = String(id).slice(0, 200);
      } catch {
        // an empty or non-JSON 2xx is still an acceptance
      }
      return { providerRef: ref };
    },
  };
}
