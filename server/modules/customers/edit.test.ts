import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDetail, CustomerHistory } from '../../../common/schemas/customers.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { buildNetwork, customerRecord, addCustomers, type TestNetwork } from './test-support.js';

let t: TestApp;
let org: TestOrg;
let net: TestNetwork;
let id: string;

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  net = await buildNetwork(t.database, org);
  const rec = customerRecord(org, {
    name: '赵丽华',
    transformerId: net.transformers.c1t1,
    phones: [{ phone: '13800001111', label: 'mobile' }],
  });
  await addCustomers(t.database, [rec]);
  id = rec.id;
});
afterAll(async () => {
  await t.close();
});

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('editing a customer', () => {
  it('changes marks and phones, bumps the version and records masked history', async () => {
    const lead = await login(t.app, org.users.lead!.username);
    const res = await lead.patch(`/api/customers/${id}`, {
      version: 1,
      marks: { vip: true, sensitive: true, sensitiveReason: '媒体关注', arrearsFen: 50_000 },
      phones: [
        { phone: '13800002222', label: 'mobile' },
        { phone: '0791-88886666', label: 'home' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<CustomerDetail>();
    expect(c.version).toBe(2);
    expect(c.marks).toMatchObject({
      vip: true,
      sensitive: true,
      sensitiveReason: '媒体关注',
      arrearsFen: 50_000,
    });
    expect(c.phones.map((p) => p.phone)).toEqual(['138****2222', '0791-****6666']);
    const history = (await lead.get(`/api/customers/${id}/history`)).json<CustomerHistory>();
    expect(history.items[0]!.action).toBe('update');
    expect(history.items[0]!.changes.vip).toEqual([false, true]);
    expect(history.items[0]!.changes.phones).toEqual([
      '138****1111(mobile)',
      '138****2222(mobile), 0791-****6666(home)',
    ]);
    expect(JSON.stringify(history)).not.toContain('13800002222');
    const audit = await auditRowsFor(t.database, id);
    expect(audit.map((a) => a.action)).toContain('customer.update');
    expect(JSON.stringify(audit)).not.toContain('13800002222');
    // The new number finds the customer; the old one no longer does.
    const found = await lead.get('/api/customers/by-phone/13800002222');
    expect(found.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toEqual([id]);
    const old = await lead.get('/api/customers/by-phone/13800001111');
    expect(old.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('finds a renamed customer by the new name only', async () => {
    const lead = await login(t.app, org.users.lead!.username);
    const v = (await lead.get(`/api/customers/${id}`)).json<CustomerDetail>().version;
    expect(
      (await lead.patch(`/api/customers/${id}`, { version: v, name: '赵丽娟' })).statusCode,
    ).toBe(200);
    const byNew = await lead.get(`/api/customers/search?q=${encodeURIComponent('丽娟')}`);
    expect(byNew.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toEqual([id]);
    const byOld = await lead.get(`/api/customers/search?q=${encodeURIComponent('丽华')}`);
    expect(byOld.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses a stale version, a sensitive mark without reason and an agent, changing nothing', async () => {
    const lead = await login(t.app, org.users.lead!.username);
    const before = (await lead.get(`/api/customers/${id}`)).json<CustomerDetail>();
    const stale = await lead.patch(`/api/customers/${id}`, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale.body)).toBe('VERSION_CONFLICT');
    const noReason = await lead.patch(`/api/customers/${id}`, {
      version: before.version,
      marks: { sensitive: true, sensitiveReason: null },
    });
    expect(noReason.statusCode).toBe(400);
    const agent = await login(t.app, org.users.agent!.username);
    const forbidden = await agent.patch(`/api/customers/${id}`, {
      version: before.version,
      name: '坐席改名',
    });
    expect(forbidden.statusCode).toBe(403);
    const badPhone = await lead.patch(`/api/customers/${id}`, {
      version: before.version,
      phones: [{ phone: '12345', label: 'mobile' }],
    });
    expect(badPhone.statusCode).toBe(400);
    const after = (await lead.get(`/api/customers/${id}`)).json<CustomerDetail>();
    expect(after).toEqual(before);
  });

  it('refuses a transformer of another county', async () => {
    const lead = await login(t.app, org.users.lead!.username);
    const v = (await lead.get(`/api/customers/${id}`)).json<CustomerDetail>().version;
    const res = await lead.patch(`/api/customers/${id}`, {
      version: v,
      transformerId: net.transformers.c2t1,
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res.body)).toBe('TRANSFORMER_NOT_IN_UNIT');
  });
});

describe('creating a customer', () => {
  const input = () => ({
    accountNo: `55${Date.now() % 1e8}`.padEnd(10, '0'),
    name: '城关鑫源食品有限公司',
    customerClass: 'non_resident',
    industry: 'manufacturing',
    voltageLevel: 'kv10',
    tariffCategory: 'general_commercial',
    idType: 'uscc',
    idNo: '91360100MA35ABCD7Q',
    address: { city: '甲市', county: '一县', street: '工业园区', detail: '创业大道8号' },
    phones: [{ phone: '13900003333', label: 'work' }],
    annualKwh: 1_200_000,
    unitId: org.units.station1!.id,
    transformerId: net.transformers.c1t3,
    marks: { important: true },
  });

  it('opens an account on its transformer and refuses the same 户号 twice', async () => {
    const back = await login(t.app, org.users.backoffice!.username);
    const body = input();
    const res = await back.post('/api/customers', body);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CustomerDetail>();
    expect(c.gridPath?.feeder.id).toBe(net.feeders.c1f2);
    expect(c.idNo).toBe('913601********CD7Q');
    const again = await back.post('/api/customers', body);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again.body)).toBe('ACCOUNT_NO_TAKEN');
    const history = (await back.get(`/api/customers/${c.id}/history`)).json<CustomerHistory>();
    expect(history.items.map((h) => h.action)).toEqual(['create']);
  });

  it('refuses a unit outside the scope', async () => {
    const back = await login(t.app, org.users.backoffice!.username);
    const res = await back.post('/api/customers', {
      ...input(),
      unitId: org.units.station2!.id,
      transformerId: null,
    });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res.body)).toBe('OUT_OF_SCOPE');
  });
});
