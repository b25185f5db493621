import type { FastifyBaseLogger } from 'fastify';
import { maskEmail, maskPhone } from '../../../../common/customers/masking.js';
import type { Transport } from './transport.js';

/**
 * The development and demo transport: the message goes to the log (its full text stays in the
 * delivery row), and counts as sent. The address is masked in the log like everywhere else.
 */
export function logTransport(channel: 'sms' | 'email', log: FastifyBaseLogger | null): Transport {
  return {
    provider: 'log',
    send(m) {
      const to = channel === 'sms' ? maskPhone(m.to) : maskEmail(m.to);
      log?.info({ channel, deliveryId: m.deliveryId, to }, 'notification written to the log');
      return Promise.resolve({ providerRef: null });
    },
  };
}
