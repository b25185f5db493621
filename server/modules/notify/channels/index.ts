import type { FastifyBaseLogger } from 'fastify';
import type { NotifyConfig } from '../../../config.js';
import { httpSmsTransport } from './http-sms.js';
import { logTransport } from './log-transport.js';
import { smtpTransport } from './smtp.js';
import type { Transports } from './transport.js';

/** The transports the configuration names (log by default). */
export function transportsFromConfig(
  config: NotifyConfig,
  log: FastifyBaseLogger | null,
): Transports & { close(): void } {
  const email = config.email.kind === 'smtp' ? smtpTransport(config.email) : null;
  return {
    sms: config.sms.kind === 'http' ? httpSmsTransport(config.sms) : logTransport('sms', log),
    email: email ?? logTransport('email', log),
    close() {
      email?.close();
    },
  };
}
