/**
 * Attachments of work orders through the real app, with files stored in a temporary DATA_DIR:
 * upload checked by content, listed on the order, downloaded byte for byte; refusals store
 * nothing; scope and permissions as for the order itself.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../common/schemas/orders.js';
import { testApp, type Client, type TestApp } from '../../db/test-helpers.js';
import { expectError, unknownId } from '../../http/test-routes.js';
import { multipart } from '../imports/test-support.js';
import { localAttachmentStorage } from './attachments/storage.js';
import { createOk, faultInput, orderWorld, type OrderWorld } from './test-support.js';

interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: { id: string; name: string };
  createdAt: string;
}

let t: TestApp;
let w: OrderWorld;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lx-attachments-'));
  t = await testApp({ dataDir });
  w = await orderWorld(t.app, t.database);
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** A real 2×2 RGB PNG: signature, IHDR, IDAT (deflated rows), IEND, each chunk with its CRC. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** The start of a 64-bit Linux program, padded. */
const ELF = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(56),
  Buffer.alloc(200, 0x90),
]);
/** The start of a Windows program (MZ header pointing at a PE header). */
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();
/** Bytes that look like nothing: a fixed hash chain, so the test never depends on luck. */
const NOISE = Buffer.concat(
  Array.from({ length: 64 }, (_, i) => crypto.createHash('sha256').update(`noise ${i}`).digest()),
);

function upload(
  client: Client,
  orderId: string,
  file: { name: string; data: Buffer },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart({}, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/attachments`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
      ...headers,
    },
  });
}

async function uploadOk(client: Client, orderId: string, file: { name: string; data: Buffer }) {
  const res = await upload(client, orderId, file);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Attachment>();
}

const detail = async (client: Client, id: string) =>
  (await client.get(`/api/orders/${id}`)).json<OrderDetail>();

async function rowsOf(orderId: string) {
  return t.database.db
    .selectFrom('order_attachments')
    .selectAll()
    .where('order_id', '=', orderId)
    .execute();
}

/** Every file under DATA_DIR/attachments, temporary ones included. */
async function storedFiles(): Promise<string[]> {
  try {
    const entries = await fs.readdir(path.join(dataDir, 'attachments'), { recursive: true });
    return entries.filter((e) => path.basename(e).includes('-')).sort();
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return [];
    throw e;
  }
}

async function faultOrder(customer: 'urban' | 'rural' = 'urban') {
  return createOk(await w.as('agent'), faultInput(w.customers[customer]));
}

describe('uploading and downloading', () => {
  it('takes a PNG and a PDF, lists them on the order and returns the same bytes', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const image = png();
    const a = await uploadOk(agent, o.id, { name: 'site.png', data: image });
    expect(a).toMatchObject({
      fileName: 'site.png',
      contentType: 'image/png',
      size: image.length,
      uploadedBy: { id: w.org.users.agent!.id, name: '测试agent' },
    });
    const b = await uploadOk(agent, o.id, { name: 'scan.pdf', data: PDF });
    expect(b.contentType).toBe('application/pdf');

    const after = await detail(agent, o.id);
    expect(after.attachments).toEqual([a, b]);
    // Evidence does not change what others are editing.
    expect(after.version).toBe(o.version);

    for (const [att, bytes, type] of [
      [a, image, 'image/png'],
      [b, PDF, 'application/pdf'],
    ] as const) {
      const res = await agent.get(`/api/orders/${o.id}/attachments/${att.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(bytes)).toBe(true);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${att.fileName}"; filename*=UTF-8''${att.fileName}`,
      );
    }
    const rows = await rowsOf(o.id);
    expect(rows.map((r) => r.sha256).sort()).toEqual(
      [image, PDF].map((x) => crypto.createHash('sha256').update(x).digest('hex')).sort(),
    );
    expect(rows[0]!.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const files = await storedFiles();
    for (const r of rows) expect(files).toContain(path.join(...r.storage_key.split('/')));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the timeline event, the outbox row and the audit row with the upload', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const a = await uploadOk(agent, o.id, { name: '录音说明.txt', data: Buffer.from('客户同意') });
    const x = await detail(agent, o.id);
    const event = x.timeline.at(-1)!;
    expect(event).toMatchObject({
      action: 'attach',
      fromState: null,
      toState: null,
      actor: { id: w.org.users.agent!.id },
      visibleToCustomer: false,
      body: '录音说明.txt',
      data: { attachmentId: a.id, size: a.size, contentType: 'text/plain; charset=utf-8' },
    });
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select(['topic', 'payload', 'org_id'])
      .where(sql<string>`payload->>'orderId'`, '=', o.id)
      .where(sql<string>`payload->>'action'`, '=', 'attach')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      topic: 'order.changed',
      payload: {
        orderId: o.id,
        number: o.number,
        state: o.state,
        action: 'attach',
        slaStatus: o.slaStatus,
        dueAt: o.dueAt,
        version: o.version,
      },
    });
    expect((outbox[0]!.payload as { unitPath: string }).unitPath).toContain(
      w.org.units.station1!.id,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', o.id)
      .where('action', '=', 'order.attach')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: w.org.users.agent!.id,
      entity_type: 'order',
      after: { attachmentId: a.id, fileName: '录音说明.txt', size: a.size },
    });
  });

  it('keeps a Chinese file name through the download header', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const name = '现场照片（张三家 表箱）.png';
    const a = await uploadOk(agent, o.id, { name, data: png() });
    expect(a.fileName).toBe(name);
    const res = await agent.get(`/api/orders/${o.id}/attachments/${a.id}`);
    const header = res.headers['content-disposition'] as string;
    expect(header.startsWith('attachment; ')).toBe(true);
    const star = /filename\*=UTF-8''([^;]+)/.exec(header)![1]!;
    expect(decodeURIComponent(star)).toBe(name);
    // The plain filename= is ASCII only, for clients that ignore filename*.
    expect(/filename="([^"]*)"/.exec(header)![1]).toMatch(/^[\x20-\x7e]+\.png$/);
  });

  it('takes Office files and UTF-8 text by content; the declared name and type do not decide', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('抄表').addRow(['户号', '读数']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = await uploadOk(agent, o.id, { name: '抄表记录.xlsx', data: xlsx });
    expect(sheet.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    // A PNG named .pdf is stored as what it is.
    const renamed = await uploadOk(agent, o.id, { name: 'photo.pdf', data: png() });
    expect(renamed.contentType).toBe('image/png');
    const note = await uploadOk(agent, o.id, { name: 'note.TXT', data: Buffer.from('表箱锈蚀\n') });
    expect(note.contentType).toBe('text/plain; charset=utf-8');
  });

  it('takes a file of exactly 10 MB', async () => {
    const o = await faultOrder();
    const a = await uploadOk(await w.as('agent'), o.id, {
      name: 'long.txt',
      data: Buffer.alloc(10 * 1024 * 1024, 0x61),
    });
    expect(a.size).toBe(10 * 1024 * 1024);
  });

  it('lets the unit handling the order attach too', async () => {
    const o = await faultOrder();
    expect(o.assignedUnit?.id).toBe(w.org.units.station1!.id);
    const crew = await w.as('crew');
    const a = await uploadOk(crew, o.id, { name: 'repair.png', data: png() });
    expect(a.uploadedBy.id).toBe(w.org.users.crew!.id);
  });
});

describe('refusals store nothing', () => {
  it('programs and unknown bytes (named .jpg or .txt) → 415 ATTACHMENT_REFUSED', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const files = await storedFiles();
    for (const f of [
      { name: 'photo.jpg', data: ELF },
      { name: 'photo.jpg', data: EXE },
      { name: 'setup.exe', data: EXE },
      { name: 'photo.jpg', data: NOISE },
      { name: 'noise.txt', data: NOISE },
      { name: 'nul.txt', data: Buffer.from('a\0b') },
      { name: 'page.html', data: Buffer.from('<html><script>alert(1)</script></html>') },
      { name: 'empty.png', data: Buffer.alloc(0) },
    ]) {
      const res = await upload(agent, o.id, f);
      expectError(res, 'ATTACHMENT_REFUSED');
    }
    expect(await rowsOf(o.id)).toEqual([]);
    expect(await storedFiles()).toEqual(files);
    expect((await detail(agent, o.id)).timeline.map((e) => e.action)).not.toContain('attach');
  });

  it('a file past 10 MB → 413 ATTACHMENT_TOO_LARGE', async () => {
    const o = await faultOrder();
    const files = await storedFiles();
    const res = await upload(await w.as('agent'), o.id, {
      name: 'big.png',
      data: Buffer.concat([png(), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expectError(res, 'ATTACHMENT_TOO_LARGE');
    expect(await rowsOf(o.id)).toEqual([]);
    expect(await storedFiles()).toEqual(files);
  });

  it('JSON, no file, extra fields and broken forms are refused', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const url = `/api/orders/${o.id}/attachments`;
    expectError(await agent.post(url, { file: 'x' }), 'UNSUPPORTED_MEDIA_TYPE');
    const send = (payload: Buffer | string, contentType: string) =>
      t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: {
          'content-type': contentType,
          cookie: agent.cookie!,
          'x-csrf-token': agent.csrf!,
        },
      });
    const none = multipart({ note: 'x' });
    expectError(await send(none.payload, none.contentType), 'VALIDATION_FAILED');
    const extra = multipart({ note: 'x' }, { name: 'a.png', data: png() });
    expectError(await send(extra.payload, extra.contentType), 'VALIDATION_FAILED');
    const broken = await send('--b\r\nbroken', 'multipart/form-data; boundary=b');
    expect([400]).toContain(broken.statusCode);
    expect(await rowsOf(o.id)).toEqual([]);
  });
});

describe('who may attach and download', () => {
  it('an order out of the caller’s scope answers 404, as one that does not exist', async () => {
    const o = await faultOrder('rural');
    expect(o.assignedUnit?.id).toBe(w.org.units.station2!.id);
    const a = await uploadOk(await w.as('agent'), o.id, { name: 'a.png', data: png() });
    const files = await storedFiles();
    for (const user of ['crew', 'backoffice']) {
      const c = await w.as(user);
      expectError(await upload(c, o.id, { name: 'b.png', data: png() }), 'ORDER_NOT_FOUND');
      expectError(await c.get(`/api/orders/${o.id}/attachments/${a.id}`), 'ORDER_NOT_FOUND');
    }
    const agent = await w.as('agent');
    expectError(
      await upload(agent, unknownId(), { name: 'b.png', data: png() }),
      'ORDER_NOT_FOUND',
    );
    expect(await rowsOf(o.id)).toHaveLength(1);
    expect(await storedFiles()).toEqual(files);
  });

  it('a trainer (no order.view) gets 403; seeing orders alone does not allow attaching', async () => {
    const o = await faultOrder();
    const a = await uploadOk(await w.as('agent'), o.id, { name: 'a.png', data: png() });
    const trainer = await w.as('trainer');
    expectError(await upload(trainer, o.id, { name: 'b.png', data: png() }), 'FORBIDDEN');
    expectError(await trainer.get(`/api/orders/${o.id}/attachments/${a.id}`), 'FORBIDDEN');
    for (const user of ['qa', 'admin']) {
      const c = await w.as(user);
      expectError(await upload(c, o.id, { name: 'b.png', data: png() }), 'FORBIDDEN');
      const res = await c.get(`/api/orders/${o.id}/attachments/${a.id}`);
      expect(res.statusCode, user).toBe(200);
    }
    expect(await rowsOf(o.id)).toHaveLength(1);
  });

  it('an attachment of another order, or none at all, is ATTACHMENT_NOT_FOUND', async () => {
    const agent = await w.as('agent');
    const o1 = await faultOrder();
    const o2 = await faultOrder();
    const a = await uploadOk(agent, o1.id, { name: 'a.png', data: png() });
    expectError(
      await agent.get(`/api/orders/${o2.id}/attachments/${a.id}`),
      'ATTACHMENT_NOT_FOUND',
    );
    expectError(
      await agent.get(`/api/orders/${o1.id}/attachments/${unknownId()}`),
      'ATTACHMENT_NOT_FOUND',
    );
  });
});

describe('Idempotency-Key', () => {
  it('a retry gets the first answer and stores one file; another file under the key is refused', async () => {
    const agent = await w.as('agent');
    const o = await faultOrder();
    const key = { 'idempotency-key': `att-${crypto.randomUUID()}` };
    const files = await storedFiles();
    const first = await upload(agent, o.id, { name: 'a.png', data: png() }, key);
    const again = await upload(agent, o.id, { name: 'a.png', data: png() }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json<Attachment>().id).toBe(first.json<Attachment>().id);
    const other = await upload(agent, o.id, { name: 'b.pdf', data: PDF }, key);
    expectError(other, 'IDEMPOTENCY_KEY_REUSED');
    expect(await rowsOf(o.id)).toHaveLength(1);
    expect((await storedFiles()).length).toBe(files.length + 1);
  });
});

describe('the local store', () => {
  it('writes whole files under <yyyy>/<mm>/<id>, reads them back and refuses other keys', async () => {
    const root = path.join(dataDir, 'unit-store');
    const store = localAttachmentStorage(root);
    const key = `2031/07/${crypto.randomUUID()}`;
    const data = crypto.randomBytes(1000);
    await store.put(key, data);
    const got = await store.get(key);
    const chunks: Buffer[] = [];
    for await (const c of got as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    expect(await fs.readdir(path.join(root, '2031', '07'))).toEqual([key.split('/')[2]]);
    await expect(store.put('../../etc/passwd', data)).rejects.toThrow(/storage key/);
    await expect(store.get(`2031/07/${crypto.randomUUID()}`)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await store.delete(key);
    await store.delete(key);
    expect(await fs.readdir(path.join(root, '2031', '07'))).toEqual([]);
  });
});
