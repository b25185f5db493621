/**
 * The sender against real channels: a local SMS gateway (node:http) that fails and recovers, and
 * a local SMTP server (smtp-server) that receives the mail. Retries with backoff, exhaustion,
 * consent and opt-outs, missing variables, in-app messages, dedupe and an interrupted hand-over.
 * Each test's sender only takes its own organisation's deliveries (unitPathPrefix), so the files
 * sharing one PostgreSQL database never send each other's messages.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, testDatabase, type TestOrg } from '../../db/test-helpers.js';
import type { Database } from '../../db/database.js';
import { addCustomers, customerRecord } from '../customers/test-support.js';
import { httpSmsTransport } from './channels/http-sms.js';
import { smtpTransport } from './channels/smtp.js';
import type { Transports } from './channels/transport.js';
import { notify, sendDueNotifications, type NotifyRequest } from './index.js';

interface SmsCall {
  auth: string | undefined;
  idempotencyKey: string | undefined;
  body: { to: string; text: string; clientRef: string };
}

/** A JSON SMS gateway answering with the queued statuses, then 200. */
function smsGateway() {
  const calls: SmsCall[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      calls.push({
        auth: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        body: JSON.parse(data) as SmsCall['body'],
      });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { id: `gw-${calls.length}` } : { error: 'busy' }));
    });
  });
  return { server, calls, statuses };
}

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

let database: Database;
let org: TestOrg;
let gateway: ReturnType<typeof smsGateway>;
let smtp: SMTPServer;
let mails: Mail[];
let transports: Transports & { close?: () => void };
let now: Date;
const customers: Record<string, string> = {};

const clock = () => now;
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const run = () =>
  sendDueNotifications({
    db: database.db,
    transports,
    clock,
    unitPathPrefix: org.units.root!.path,
  });

async function queue(req: NotifyRequest) {
  return database.db.transaction().execute((tx) => notify(tx, req));
}

async function delivery(id: string) {
  return database.db
    .selectFrom('notify_deliveries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function attempts(id: string) {
  return database.db
    .selectFrom('notify_attempts')
    .select(['attempt', 'outcome', 'error', 'provider_ref'])
    .where('delivery_id', '=', id)
    .orderBy('attempt')
    .execute();
}

const planned = (customerId: string, over: Partial<NotifyRequest> = {}): NotifyRequest => ({
  template: 'outage.planned',
  to: { customerId },
  vars: { reason: '线路检修', start: '12月1日08:00', end: '12月1日18:00', area: '人民路1-50号' },
  ...over,
});

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database);
  const recs = {
    alice: customerRecord(org, {
      name: '王小明',
      phones: [
        { phone: '0791-86123456', label: 'home' },
        { phone: '13800001111', label: 'mobile' },
      ],
      email: 'alice@example.com',
    }),
    refused: customerRecord(org, {
      name: '拒收',
      consentMessages: false,
      phones: [{ phone: '13800002222', label: 'mobile' }],
    }),
    noEmail: customerRecord(org, {
      name: '退订邮件',
      phones: [{ phone: '13800003333', label: 'mobile' }],
      email: 'optout@example.com',
    }),
    landline: customerRecord(org, {
      name: '座机',
      phones: [{ phone: '0791-86000000', label: 'home' }],
    }),
  };
  await addCustomers(database, Object.values(recs));
  for (const [k, r] of Object.entries(recs)) customers[k] = r.id;
  await database.db
    .insertInto('notify_opt_outs')
    .values({ customer_id: customers.noEmail!, channel: 'email', reason: '客户要求' })
    .execute();

  gateway = smsGateway();
  await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
  mails = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const gwPort = (gateway.server.address() as AddressInfo).port;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  transports = {
    sms: httpSmsTransport({ url: `http://127.0.0.1:${gwPort}/send`, key: 'test-key' }),
    email: smtpTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: undefined,
      password: undefined,
      from: '95598@example.com',
    }),
  };
  // A little ahead of the database clock, so that rows queued "now" are due.
  now = new Date(Date.now() + 2000);
});

afterAll(async () => {
  (transports as { email: { close?: () => void } }).email.close?.();
  await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

describe('SMS through the HTTP gateway', () => {
  it('sends once to the first mobile number, with the key and the delivery id', async () => {
    const { id } = await queue(planned(customers.alice!));
    expect((await delivery(id)).status).toBe('pending');
    const outbox = await database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'notify.queued')
      .execute();
    expect(outbox.some((o) => (o.payload as { deliveryId: string }).deliveryId === id)).toBe(true);

    await run();
    const d = await delivery(id);
    expect(d.status).toBe('sent');
    expect(d.address).toBe('13800001111');
    expect(d.body).toBe(
      '尊敬的王小明：因线路检修，计划于12月1日08:00至12月1日18:00对人民路1-50号停电，请提前做好准备。如有疑问请拨打95598。',
    );
    expect(d.provider).toBe('http-sms');
    expect(d.provider_ref).toBe(`gw-${gateway.calls.length}`);
    const call = gateway.calls.at(-1)!;
    expect(call).toEqual({
      auth: 'Bearer test-key',
      idempotencyKey: id,
      body: { to: '13800001111', text: d.body, clientRef: id },
    });
    expect(await attempts(id)).toEqual([
      { attempt: 1, outcome: 'sent', error: null, provider_ref: d.provider_ref },
    ]);
    // Sent is final: another round sends nothing more.
    const before = gateway.calls.length;
    advance(3600);
    await run();
    expect(gateway.calls.length).toBe(before);
  });

  it('retries after a 500 with backoff, then succeeds', async () => {
    gateway.statuses.push(500);
    const { id } = await queue(planned(customers.alice!));
    await run();
    let d = await delivery(id);
    expect(d.status).toBe('pending');
    expect(d.attempts).toBe(1);
    expect(d.error_code).toBe('NOTIFY_SEND_FAILED');
    expect(d.next_attempt_at.getTime()).toBe(now.getTime() + 30_000);

    // Not yet due: nothing is sent before the backoff has passed.
    const calls = gateway.calls.length;
    advance(10);
    await run();
    expect(gateway.calls.length).toBe(calls);

    advance(25);
    await run();
    d = await delivery(id);
    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(2);
    expect(d.error_code).toBeNull();
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['error', 'sent']);
    expect(gateway.calls.slice(-2).map((c) => c.body.clientRef)).toEqual([id, id]);
  });

  it('gives up after the last attempt: failed, every attempt recorded', async () => {
    gateway.statuses.push(503, 503, 503);
    const { id } = await queue(planned(customers.alice!, { maxAttempts: 3 }));
    for (let i = 0; i < 3; i++) {
      await run();
      advance(3600);
    }
    const d = await delivery(id);
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(3);
    expect(d.error_code).toBe('NOTIFY_SEND_FAILED');
    expect(d.error).toContain('503');
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['error', 'error', 'error']);
    advance(3600);
    const calls = gateway.calls.length;
    await run();
    expect(gateway.calls.length).toBe(calls);
  });

  it('a 400 refusal fails at once without retrying', async () => {
    gateway.statuses.push(400);
    const { id } = await queue(planned(customers.alice!));
    await run();
    const d = await delivery(id);
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(1);
  });
});

describe('consent', () => {
  it('a customer who refused messages is skipped, and nothing is sent', async () => {
    const calls = gateway.calls.length;
    const { id } = await queue(planned(customers.refused!));
    await run();
    const d = await delivery(id);
    expect(d.status).toBe('skipped');
    expect(d.skip_reason).toBe('consent_withdrawn');
    expect(d.attempts).toBe(0);
    expect(d.body).toBeNull();
    expect(gateway.calls.length).toBe(calls);
    expect(gateway.calls.some((c) => c.body.to === '13800002222')).toBe(false);
  });

  it('an opt-out of e-mail skips e-mail and still allows SMS', async () => {
    const mailCount = mails.length;
    const email = await queue(planned(customers.noEmail!, { channel: 'email' }));
    const sms = await queue(planned(customers.noEmail!));
    await run();
    expect(await delivery(email.id)).toMatchObject({ status: 'skipped', skip_reason: 'opted_out' });
    expect((await delivery(sms.id)).status).toBe('sent');
    expect(mails.length).toBe(mailCount);
    expect(mails.some((m) => m.to.includes('optout@example.com'))).toBe(false);
  });

  it('a customer with no mobile number is skipped (no_address)', async () => {
    const { id } = await queue(planned(customers.landline!));
    await run();
    expect(await delivery(id)).toMatchObject({ status: 'skipped', skip_reason: 'no_address' });
  });
});

describe('rendering', () => {
  it('a missing variable at send is recorded as a failure, and nothing is sent', async () => {
    const calls = gateway.calls.length;
    const { id } = await queue(
      planned(customers.alice!, { vars: { reason: '线路检修', area: '人民路' } }),
    );
    await run();
    const d = await delivery(id);
    expect(d.status).toBe('failed');
    expect(d.error_code).toBe('NOTIFY_VARIABLE_MISSING');
    expect(d.error).toBe('missing: start, end');
    expect(d.template_version).toBe(1);
    expect(gateway.calls.length).toBe(calls);
  });

  it('an inactive template skips the message', async () => {
    await database.db
      .updateTable('notify_templates')
      .set({ active: false })
      .where('code', '=', 'outage.postponed')
      .execute();
    try {
      const { id } = await queue(planned(customers.alice!, { template: 'outage.postponed' }));
      await run();
      expect(await delivery(id)).toMatchObject({
        status: 'skipped',
        skip_reason: 'template_inactive',
      });
    } finally {
      await database.db
        .updateTable('notify_templates')
        .set({ active: true })
        .where('code', '=', 'outage.postponed')
        .execute();
    }
  });
});

describe('e-mail through SMTP', () => {
  it('delivers the rendered message to the local SMTP server', async () => {
    const { id } = await queue(
      planned(customers.alice!, {
        template: 'outage.restored',
        channel: 'email',
        vars: { area: '人民路1-50号', restoredAt: '12月1日17:30' },
      }),
    );
    await run();
    const d = await delivery(id);
    expect(d.status, d.error ?? '').toBe('sent');
    expect(d.provider).toBe('smtp');
    const mail = mails.at(-1)!;
    expect(mail.from).toBe('95598@example.com');
    expect(mail.to).toEqual(['alice@example.com']);
    expect(mail.raw).toContain(`Message-ID: <${id}@notify.lianxin>`);
    // The Chinese text travels encoded; decode the body part to compare.
    const body = mail.raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n');
    const text = body.includes('=?') ? body : Buffer.from(body.replace(/\s+/g, ''), 'base64');
    const decoded = typeof text === 'string' ? text : text.toString('utf8');
    const qp = decoded
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const utf8 = Buffer.from(qp, 'latin1').toString('utf8');
    expect([decoded, utf8].some((s) => s.includes('已于12月1日17:30恢复供电'))).toBe(true);
  });

  it('an address the server refuses for good (550) fails without retrying', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        callback(err);
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const mailer = smtpTransport({
      host: '127.0.0.1',
      port: (refusing.server.address() as AddressInfo).port,
      secure: false,
      user: undefined,
      password: undefined,
      from: '95598@example.com',
    });
    const saved = transports.email;
    transports.email = mailer;
    try {
      const { id } = await queue({
        template: 'system.notice',
        to: { email: 'nobody@example.com' },
        channel: 'email',
        orgId: org.units.county1!.id,
        vars: { title: '测试', message: '内容' },
      });
      await run();
      const d = await delivery(id);
      expect(d.status).toBe('failed');
      expect(d.attempts).toBe(1);
      expect(d.error).toContain('550');
    } finally {
      transports.email = saved;
      mailer.close();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});

describe('in-app messages', () => {
  it('are written to the user’s inbox exactly once', async () => {
    const userId = org.users.lead!.id;
    const { id } = await queue({
      template: 'system.notice',
      to: { userId },
      vars: { title: '故障停电', message: '甲市人民路线路故障停电，请关注来电。' },
    });
    await run();
    await run();
    expect(await delivery(id)).toMatchObject({ status: 'sent', attempts: 1, provider: 'inapp' });
    const inbox = await database.db
      .selectFrom('notify_inbox')
      .select(['title', 'body', 'read_at'])
      .where('delivery_id', '=', id)
      .execute();
    expect(inbox).toEqual([
      { title: '故障停电', body: '甲市人民路线路故障停电，请关注来电。', read_at: null },
    ]);
  });
});

describe('notify()', () => {
  it('queues nothing a second time under the same dedupe key', async () => {
    const key = `test:${org.suffix}:dedupe`;
    const a = await queue(planned(customers.alice!, { dedupeKey: key }));
    const b = await queue(planned(customers.alice!, { dedupeKey: key }));
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ id: a.id, duplicate: true });
    const rows = await database.db
      .selectFrom('notify_deliveries')
      .select('id')
      .where('dedupe_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('rolls back with the caller’s transaction', async () => {
    const key = `test:${org.suffix}:rollback`;
    await expect(
      database.db.transaction().execute(async (tx) => {
        await notify(tx, planned(customers.alice!, { dedupeKey: key }));
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    const rows = await database.db
      .selectFrom('notify_deliveries')
      .select('id')
      .where('dedupe_key', '=', key)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses an unknown template, an unknown customer and a channel that does not fit', async () => {
    await expect(queue(planned(customers.alice!, { template: 'no.such' }))).rejects.toMatchObject({
      code: 'NOTIFY_TEMPLATE_NOT_FOUND',
    });
    await expect(queue(planned(org.units.county1!.id))).rejects.toMatchObject({
      code: 'NOTIFY_RECIPIENT_INVALID',
    });
    await expect(queue(planned(customers.alice!, { channel: 'inapp' }))).rejects.toMatchObject({
      code: 'NOTIFY_RECIPIENT_INVALID',
    });
    await expect(
      queue({ template: 'outage.planned', to: { phone: '13800001111' }, vars: {} }),
    ).rejects.toMatchObject({ code: 'NOTIFY_RECIPIENT_INVALID' }); // no owning unit
  });
});

describe('an interrupted hand-over', () => {
  it('is sent again after the lease (at least once), the unknown outcome recorded', async () => {
    const { id } = await queue(planned(customers.alice!));
    // A process that marked it sending and died before recording the outcome.
    await database.db
      .updateTable('notify_deliveries')
      .set({ status: 'sending', attempts: 1, sending_at: now })
      .where('id', '=', id)
      .execute();
    await database.db
      .insertInto('notify_attempts')
      .values({ delivery_id: id, attempt: 1, started_at: now })
      .execute();
    await run();
    expect((await delivery(id)).status).toBe('sending'); // within the lease: left alone
    advance(6 * 60);
    await run();
    const d = await delivery(id);
    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(2);
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['unknown', 'sent']);
  });
});
