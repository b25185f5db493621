/**
 * Bulk queuing (notifyMany): one INSERT … SELECT for a set of customers or phones, deduplicated,
 * rolled back with the caller, and sent by the same sender as single messages (consent and
 * opt-outs checked at send, retries with backoff). 1,200 customers under one transformer.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildOrg, testDatabase, type TestOrg } from '../../db/test-helpers.js';
import {
  addCustomers,
  buildNetwork,
  customerRecord,
  type TestNetwork,
} from '../customers/test-support.js';
import type { CustomerRecord } from '../customers/index.js';
import { SendError, type Transport, type Transports } from './channels/transport.js';
import {
  deliverySummary,
  notifyMany,
  sendDueNotifications,
  type NotifyManyRequest,
} from './index.js';

const MANY = 1200;

/** A transport that records what it sends and fails while told to. */
function recordingTransport(provider: string) {
  const sent: { to: string; body: string; deliveryId: string }[] = [];
  const state = { failNext: 0 };
  const t: Transport = {
    provider,
    send(m) {
      if (state.failNext > 0) {
        state.failNext--;
        return Promise.reject(new SendError('gateway busy', false));
      }
      sent.push({ to: m.to, body: m.body, deliveryId: m.deliveryId });
      return Promise.resolve({ providerRef: `ref-${sent.length}` });
    },
  };
  return { t, sent, state };
}

let database: Database;
let org: TestOrg;
let net: TestNetwork;
let sms: ReturnType<typeof recordingTransport>;
let transports: Transports;
/** The sender's clock: a little ahead of the database's (rows queued "now" are due), moved on. */
let skew = 2000;
const clock = () => new Date(Date.now() + skew);
const ids: Record<string, string> = {};
/** A name of this run: the files sharing one PostgreSQL database never see each other's rows. */
const run = (name: string) => `${name}-${org.suffix}`;

/** Every round of the sender until the queue of this organisation is empty (or not yet due). */
async function drain() {
  for (let i = 0; i < 100; i++) {
    const n = await sendDueNotifications({
      db: database.db,
      transports,
      clock,
      batch: 500,
      unitPathPrefix: org.units.root!.path,
    });
    if (n < 500) return;
  }
}

const onTransformer = (key: keyof TestNetwork['transformers']) =>
  sql`SELECT id AS customer_id FROM customers WHERE transformer_id = ${net.transformers[key]}`;

const bulk = (over: Partial<NotifyManyRequest> & Pick<NotifyManyRequest, 'recipients'>) =>
  database.db.transaction().execute((tx) =>
    notifyMany(tx, {
      template: 'outage.restored',
      vars: { area: '城关#1台区', restoredAt: '11月25日 08:00' },
      ...over,
    }),
  );

const rowsOf = (sourceId: string) =>
  database.db
    .selectFrom('notify_deliveries')
    .selectAll()
    .where('source_type', '=', 'test')
    .where('source_id', '=', sourceId)
    .execute();

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database);
  net = await buildNetwork(database, org);
  // The first three must not get a text: consent withdrawn, SMS refused, no mobile number.
  const special: Partial<CustomerRecord>[] = [
    { name: '拒收', consentMessages: false },
    { name: '退订短信' },
    { name: '只有座机', phones: [{ phone: '0791-86000000', label: 'home' }] },
  ];
  const recs = Array.from({ length: MANY }, (_, i) =>
    customerRecord(org, {
      transformerId: net.transformers.c1t1,
      name: `客户${i}`,
      phones: [{ phone: `139${String(i).padStart(8, '0')}`, label: 'mobile' }],
      ...special[i],
    }),
  );
  await addCustomers(database, recs);
  ids.refused = recs[0]!.id;
  ids.optedOut = recs[1]!.id;
  ids.landline = recs[2]!.id;
  ids.first = recs[3]!.id;
  await database.db
    .insertInto('notify_opt_outs')
    .values({ customer_id: ids.optedOut, channel: 'sms', reason: '客户要求' })
    .execute();
  const other = customerRecord(org, {
    transformerId: net.transformers.c1t3,
    name: '别的台区',
    phones: [{ phone: '13700000001', label: 'mobile' }],
  });
  await addCustomers(database, [other]);
  ids.other = other.id;
  sms = recordingTransport('test-sms');
  transports = { sms: sms.t, email: recordingTransport('test-mail').t };
});

afterAll(async () => {
  await database.close();
});

describe('notifyMany', () => {
  it(`queues ${MANY} customers in one statement; consent and opt-outs are checked at send`, async () => {
    const before = await database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await bulk({
      recipients: { customers: onTransformer('c1t1') },
      dedupePrefix: `test:${run('bulk1')}`,
      source: { type: 'test', id: run('bulk1') },
    });
    expect(r).toEqual({ recipients: MANY, queued: MANY, duplicates: 0 });
    const rows = await rowsOf(run('bulk1'));
    expect(rows).toHaveLength(MANY);
    expect(new Set(rows.map((x) => x.id)).size).toBe(MANY);
    // Ids are UUIDv7 like those made in TypeScript.
    for (const x of rows.slice(0, 20))
      expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    expect(rows.every((x) => x.status === 'pending' && x.channel === 'sms')).toBe(true);
    expect(rows.every((x) => x.unit_path === org.units.station1!.path)).toBe(true);
    expect(rows.find((x) => x.customer_id === ids.first)!.dedupe_key).toBe(
      `test:${run('bulk1')}:${ids.first}`,
    );
    // One outbox row for the batch, not one per message.
    const after = await database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);

    await drain();
    const done = await rowsOf(run('bulk1'));
    const by = (id: string) => done.find((x) => x.customer_id === id)!;
    expect(by(ids.refused!)).toMatchObject({ status: 'skipped', skip_reason: 'consent_withdrawn' });
    expect(by(ids.optedOut!)).toMatchObject({ status: 'skipped', skip_reason: 'opted_out' });
    expect(by(ids.landline!)).toMatchObject({ status: 'skipped', skip_reason: 'no_address' });
    expect(done.filter((x) => x.status === 'sent')).toHaveLength(MANY - 3);
    expect(by(ids.first!).body).toBe(
      '尊敬的客户3：城关#1台区已于11月25日 08:00恢复供电，感谢您的理解与支持。',
    );
    expect(sms.sent.filter((m) => m.to === '13900000000' || m.to === '13900000001')).toEqual([]);
    expect(new Set(sms.sent.map((m) => m.deliveryId)).size).toBe(sms.sent.length);

    const summary = await deliverySummary(database.db, { type: 'test', id: run('bulk1') });
    expect(summary).toEqual({
      total: MANY,
      late: 0,
      byTemplate: [
        {
          template: 'outage.restored',
          queued: 0,
          sent: MANY - 3,
          failed: 0,
          skippedConsent: 2,
          skippedOther: 1,
          late: 0,
        },
      ],
    });
  });

  it('queues nothing twice under one dedupe prefix, and only the new ones of a wider set', async () => {
    const first = await bulk({
      recipients: { customerIds: [ids.first!, ids.first!] },
      dedupePrefix: `test:${run('bulk2')}`,
      source: { type: 'test', id: run('bulk2') },
    });
    expect(first).toEqual({ recipients: 1, queued: 1, duplicates: 0 });
    const again = await bulk({
      recipients: { customerIds: [ids.first!, ids.other!] },
      dedupePrefix: `test:${run('bulk2')}`,
      source: { type: 'test', id: run('bulk2') },
    });
    expect(again).toEqual({ recipients: 2, queued: 1, duplicates: 1 });
    const rows = await rowsOf(run('bulk2'));
    expect(rows.map((x) => x.customer_id).sort()).toEqual([ids.first, ids.other].sort());
    // Without a prefix nothing is deduplicated.
    const free = await bulk({
      recipients: { customerIds: [ids.first!] },
      source: { type: 'test', id: run('bulk2') },
    });
    expect(free.queued).toBe(1);
    expect((await rowsOf(run('bulk2'))).filter((x) => x.dedupe_key === null)).toHaveLength(1);
    await drain();
  });

  it('leaves nothing behind when the caller rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        const r = await notifyMany(tx, {
          template: 'outage.restored',
          recipients: { customers: onTransformer('c1t1') },
          vars: { area: 'x', restoredAt: 'y' },
          dedupePrefix: `test:${run('rollback')}`,
          source: { type: 'test', id: run('rollback') },
        });
        expect(r.queued).toBe(MANY);
        throw new Error('the caller fails after queuing');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await rowsOf(run('rollback'))).toEqual([]);
    // And the dedupe keys are free again.
    const r = await bulk({
      recipients: { customerIds: [ids.first!] },
      dedupePrefix: `test:${run('rollback')}`,
      source: { type: 'test', id: run('rollback') },
    });
    expect(r.queued).toBe(1);
    await drain();
  });

  it('retries bulk rows with backoff like single ones', async () => {
    const r = await bulk({
      recipients: { customerIds: [ids.first!, ids.other!] },
      dedupePrefix: `test:${run('retry')}`,
      source: { type: 'test', id: run('retry') },
      maxAttempts: 3,
    });
    expect(r.queued).toBe(2);
    sms.state.failNext = 2;
    const failedAt = clock();
    await drain();
    let rows = await rowsOf(run('retry'));
    expect(rows.map((x) => [x.status, x.attempts, x.error_code])).toEqual([
      ['pending', 1, 'NOTIFY_SEND_FAILED'],
      ['pending', 1, 'NOTIFY_SEND_FAILED'],
    ]);
    // 30 s after the failed attempt: not before.
    const wait = rows.map((x) => x.next_attempt_at.getTime() - failedAt.getTime());
    expect(wait.every((ms) => ms >= 30_000 && ms < 40_000)).toBe(true);
    await drain();
    expect((await rowsOf(run('retry'))).map((x) => x.attempts)).toEqual([1, 1]);
    skew += 45_000;
    await drain();
    rows = await rowsOf(run('retry'));
    expect(rows.map((x) => [x.status, x.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    const attempts = await database.db
      .selectFrom('notify_attempts')
      .select(['outcome'])
      .where(
        'delivery_id',
        'in',
        rows.map((x) => x.id),
      )
      .orderBy('attempt')
      .execute();
    expect(attempts.map((a) => a.outcome).sort()).toEqual(['error', 'error', 'sent', 'sent']);
  });

  it('sends to bare phones once per number, in the unit given with each', async () => {
    const phones = sql`SELECT * FROM (VALUES ('138-0000-1234', ${org.units.county2!.id}),
      ('13800001234', ${org.units.county2!.id}), ('13800005678', ${org.units.county1!.id}),
      (NULL, ${org.units.county1!.id})) AS v(phone, org_id)`;
    const r = await bulk({
      recipients: { phones },
      dedupePrefix: `test:${run('tel')}`,
      source: { type: 'test', id: run('tel') },
    });
    expect(r).toEqual({ recipients: 2, queued: 2, duplicates: 0 });
    const rows = await rowsOf(run('tel'));
    expect(rows.map((x) => [x.address, x.unit_path, x.dedupe_key]).sort()).toEqual(
      [
        ['13800001234', org.units.county2!.path, `test:${run('tel')}:tel:13800001234`],
        ['13800005678', org.units.county1!.path, `test:${run('tel')}:tel:13800005678`],
      ].sort(),
    );
    await drain();
    expect((await rowsOf(run('tel'))).map((x) => x.status)).toEqual(['sent', 'sent']);
    const toCaller = sms.sent.filter((m) => m.to === '13800001234');
    expect(toCaller).toHaveLength(1);
    expect(toCaller[0]!.body).toBe(
      '尊敬的客户：城关#1台区已于11月25日 08:00恢复供电，感谢您的理解与支持。',
    );
  });

  it('marks a message sent past its deadline, or unsent past it, as late', async () => {
    const dueBy = new Date(clock().getTime() - 60_000);
    await bulk({
      recipients: { customerIds: [ids.first!] },
      dedupePrefix: `test:${run('late')}`,
      source: { type: 'test', id: run('late') },
      dueBy,
    });
    await bulk({
      recipients: { customerIds: [ids.other!] },
      dedupePrefix: `test:${run('ontime')}`,
      source: { type: 'test', id: run('late') },
      dueBy: new Date(clock().getTime() + 3_600_000),
    });
    // Unsent past its deadline (the database clock is behind the sender's here: due by then).
    await bulk({
      template: 'outage.fault',
      vars: { area: 'a', reason: 'r', estimate: 'e' },
      recipients: { customerIds: [ids.first!] },
      dedupePrefix: `test:${run('overdue')}`,
      source: { type: 'test', id: run('late') },
      dueBy: new Date(Date.now() - 1000),
      notBefore: new Date(clock().getTime() + 86_400_000),
    });
    await drain();
    const s = await deliverySummary(database.db, { type: 'test', id: run('late') });
    expect(s.late).toBe(2);
    expect(s.byTemplate.map((t) => [t.template, t.sent, t.queued, t.late])).toEqual([
      ['outage.fault', 0, 1, 1],
      ['outage.restored', 2, 0, 1],
    ]);
  });

  it('refuses a template that does not exist and recipients that do not fit the channel', async () => {
    await expect(
      bulk({ template: 'outage.nothing', recipients: { customerIds: [ids.first!] } }),
    ).rejects.toMatchObject({ code: 'NOTIFY_TEMPLATE_NOT_FOUND' });
    await expect(
      bulk({ template: 'system.notice', recipients: { customerIds: [ids.first!] } }),
    ).rejects.toMatchObject({ code: 'NOTIFY_RECIPIENT_INVALID' });
    await expect(
      bulk({ channel: 'email', recipients: { phones: sql`SELECT '13800000000' AS phone` } }),
    ).rejects.toMatchObject({ code: 'NOTIFY_RECIPIENT_INVALID' });
    await expect(bulk({ recipients: { customerIds: ['not-a-uuid'] } })).rejects.toMatchObject({
      code: 'NOTIFY_RECIPIENT_INVALID',
    });
  });
});
