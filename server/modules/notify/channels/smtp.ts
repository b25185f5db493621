import nodemailer from 'nodemailer';
import { SendError, type Transport } from './transport.js';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
  /** Accept a self-signed certificate (tests and closed networks only). */
  allowSelfSigned?: boolean;
}

/**
 * E-mail through an SMTP server (nodemailer). The Message-ID is derived from the delivery, so a
 * message sent twice after a crash is recognisably the same mail. A 5xx reply (mailbox unknown,
 * refused) fails for good; 4xx replies and connection errors are tried again later.
 */
export function smtpTransport(s: SmtpSettings): Transport & { close(): void } {
  const mailer = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(s.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    provider: 'smtp',
    async send(m) {
      try {
        const info = await mailer.sendMail({
          from: s.from,
          to: m.to,
          subject: m.subject,
          text: m.body,
          messageId: `<${m.deliveryId}@notify.lianxin>`,
        });
        return { providerRef: typeof info.messageId === 'string' ? info.messageId : null };
      } catch (e) {
        const code = (e as { responseCode?: unknown }).responseCode;
        const permanent = typeof code === 'number' && code >= 500 && code < 600;
        throw new SendError(`SMTP: ${(e as Error).message}`.slice(0, 500), permanent);
      }
    },
    close() {
      mailer.close();
    },
  };
}
