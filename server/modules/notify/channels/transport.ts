/**
 * A transport hands one rendered message to the outside world (an SMS gateway, an SMTP server,
 * the log). The sender records the outcome; a transport never touches the database.
 */

export interface OutboundMessage {
  /** The delivery's id: sent along as an idempotency key where the provider takes one. */
  deliveryId: string;
  /** A mobile number (sms) or an e-mail address (email). */
  to: string;
  subject: string;
  body: string;
}

export interface Transport {
  /** Recorded with the delivery: `log`, `smtp`, `http-sms`. */
  readonly provider: string;
  /** Resolves when the provider accepted the message; its reference, when it gives one. */
  send(message: OutboundMessage): Promise<{ providerRef: string | null }>;
}

/**
 * A failed hand-over. `permanent`: the provider refused this message for good (a bad number, a
 * rejected mailbox), so trying again would fail again; otherwise the sender retries later.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** The transport of each outbound channel (in-app messages are written by the sender itself). */
export interface Transports {
  sms: Transport;
  email: Transport;
}
