import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ByPhoneResult,
  CustomerDetail,
  CustomerSearchResult,
} from '../../../common/schemas/customers.js';
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
const ids: Record<string, string> = {};
const acct: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  net = await buildNetwork(t.database, org);
  const zhang = customerRecord(org, {
    name: '欧阳晓明',
    transformerId: net.transformers.c1t1,
    phones: [
      { phone: '13912345001', label: 'mobile' },
      { phone: '079186123456', label: 'home' },
    ],
    meterNo: '3330001234567890',
    address: {
      city: '甲市',
      county: '一县',
      street: '青山湖大道',
      detail: '阳光小区3栋2单元501室',
    },
    important: true,
    arrearsFen: 12_345,
    arrearsSince: '2026-10-01',
  });
  const li = customerRecord(org, {
    name: '李秀英',
    county: '2',
    transformerId: net.transformers.c2t1,
    phones: [{ phone: '13912345002', label: 'mobile' }],
    address: { city: '甲市', county: '二县', street: '河口镇王家村', detail: '三组18号' },
    sensitive: true,
    sensitiveReason: '多次投诉',
  });
  // A landlord's number shared by two tenants.
  const tenantA = customerRecord(org, {
    name: '王建国',
    transformerId: net.transformers.c1t2,
    phones: [{ phone: '13912345003', label: 'mobile' }],
  });
  const tenantB = customerRecord(org, {
    name: '王建军',
    transformerId: net.transformers.c1t2,
    phones: [{ phone: '13912345003', label: 'other' }],
  });
  await addCustomers(t.database, [zhang, li, tenantA, tenantB]);
  Object.assign(ids, { zhang: zhang.id, li: li.id, tenantA: tenantA.id, tenantB: tenantB.id });
  Object.assign(acct, { zhang: zhang.accountNo, li: li.accountNo });
});
afterAll(async () => {
  await t.close();
});

describe('look-ups', () => {
  it('finds a caller by any of their phones, with grid path and marks, masked for an agent', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    for (const raw of ['13912345001', '+86 139 1234 5001', '0791-86123456']) {
      const res = await agent.get(`/api/customers/by-phone/${encodeURIComponent(raw)}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<ByPhoneResult>();
      expect(body.items.map((c) => c.id)).toEqual([ids.zhang]);
      const c = body.items[0]!;
      expect(c.phones).toEqual([
        { phone: '139****5001', label: 'mobile' },
        { phone: '0791-****3456', label: 'home' },
      ]);
      expect(c.address.detail).toBe('****');
      expect(c.masked).toBe(true);
      expect(c.marks).toMatchObject({ important: true, arrearsFen: 12_345, sensitive: false });
      expect(c.gridPath?.transformer.id).toBe(net.transformers.c1t1);
      expect(c.gridPath?.feeder.id).toBe(net.feeders.c1f1);
      expect(c.gridPath?.substation.id).toBe(net.substations.c1);
      expect(res.headers['server-timing']).toMatch(/^app;dur=\d/);
    }
  });

  it('returns every customer sharing a number, nobody for an unknown one, 400 for a non-number', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const shared = (await agent.get('/api/customers/by-phone/13912345003')).json<ByPhoneResult>();
    expect(shared.items.map((c) => c.id).sort()).toEqual([ids.tenantA, ids.tenantB].sort());
    const withheld = await agent.get('/api/customers/by-phone/anonymous');
    expect(withheld.statusCode).toBe(400);
    const nobody = await agent.get('/api/customers/by-phone/13000000000');
    expect(nobody.json<ByPhoneResult>()).toEqual({ phone: '13000000000', items: [] });
  });

  it('searches by 户号, meter number, partial name and address words', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const search = async (q: string) => {
      const res = await agent.get(`/api/customers/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CustomerSearchResult>();
    };
    const byAccount = await search(acct.zhang!);
    expect(byAccount.items.map((c) => [c.id, c.matchedBy])).toEqual([[ids.zhang, 'accountNo']]);
    const byMeter = await search('3330001234567890');
    expect(byMeter.items.map((c) => [c.id, c.matchedBy])).toEqual([[ids.zhang, 'meterNo']]);
    const byPhone = await search('139 1234 5002');
    expect(byPhone.items.map((c) => c.id)).toEqual([ids.li]);
    expect(byPhone.interpretedAs).toBe('phone');
    const partial = await search('晓明');
    expect(partial.items.map((c) => [c.id, c.matchedBy])).toEqual([[ids.zhang, 'name']]);
    const surname = await search('王建');
    expect(surname.items.map((c) => c.id).sort()).toEqual([ids.tenantA, ids.tenantB].sort());
    const address = await search('王家村');
    expect(address.items.map((c) => [c.id, c.matchedBy])).toEqual([[ids.li, 'address']]);
    const street = await search('一县青山湖大道');
    expect(street.items.map((c) => c.id)).toEqual([ids.zhang]);
    const spaced = await search('青山湖大道 晓明');
    expect(spaced.items.map((c) => c.id)).toEqual([ids.zhang]);
    expect((await search('王家村 晓明')).items).toEqual([]);
    expect((await search('不存在的地方')).items).toEqual([]);
  });

  it('refuses a query that is empty or too long', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    expect((await agent.get('/api/customers/search?q=')).statusCode).toBe(400);
    expect((await agent.get(`/api/customers/search?q=${'路'.repeat(101)}`)).statusCode).toBe(400);
    const res = await agent.get('/api/customers/search?q=%20%20');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('scope', () => {
  it('lets a county see its own customers only', async () => {
    const county2 = await login(t.app, org.users.county2admin!.username);
    const found = (await county2.get('/api/customers/by-phone/13912345002')).json<ByPhoneResult>();
    expect(found.items.map((c) => c.id)).toEqual([ids.li]);
    const hidden = (await county2.get('/api/customers/by-phone/13912345001')).json<ByPhoneResult>();
    expect(hidden.items).toEqual([]);
    const other = await county2.get(`/api/customers/${ids.zhang}`);
    expect(other.statusCode).toBe(404);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('CUSTOMER_NOT_FOUND');
    const searched = (
      await county2.get(`/api/customers/search?q=${encodeURIComponent('欧阳晓明')}`)
    ).json<CustomerSearchResult>();
    expect(searched.items).toEqual([]);
  });

  it('lets a crew (a department) see its station area with personal data in full', async () => {
    const crew = await login(t.app, org.users.crew!.username);
    const res = await crew.get(`/api/customers/${ids.zhang}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<CustomerDetail>();
    expect(c.masked).toBe(false);
    expect(c.phones[0]!.phone).toBe('13912345001');
    expect(c.address.detail).toBe('阳光小区3栋2单元501室');
    expect(c.idNo).toBe('360102199001011234');
    expect(c.canReveal).toBe(false);
    expect((await crew.get(`/api/customers/${ids.li}`)).statusCode).toBe(404);
  });

  it('keeps customers from a trainer', async () => {
    const trainer = await login(t.app, org.users.trainer!.username);
    const res = await trainer.get('/api/customers/by-phone/13912345001');
    expect(res.statusCode).toBe(403);
  });
});

describe('masking and reveal', () => {
  it('masks ID number, e-mail and address for inspectors, who may not reveal', async () => {
    const qa = await login(t.app, org.users.qa!.username);
    const c = (await qa.get(`/api/customers/${ids.zhang}`)).json<CustomerDetail>();
    expect(c.idNo).toBe('360102********1234');
    expect(c.canReveal).toBe(false);
    const res = await qa.post(`/api/customers/${ids.zhang}/reveal`, {
      fields: ['phones'],
      reason: '质检回听核对',
    });
    expect(res.statusCode).toBe(403);
    expect(await auditRowsFor(t.database, ids.zhang!)).toEqual([]);
  });

  it('reveals to an agent and writes who, what and why to the audit log', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const c = (await agent.get(`/api/customers/${ids.zhang}`)).json<CustomerDetail>();
    expect(c.canReveal).toBe(true);
    const res = await agent.post(`/api/customers/${ids.zhang}/reveal`, {
      fields: ['phones', 'idNo', 'address'],
      reason: '客户要求核对联系电话',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      phones: [
        { phone: '13912345001', label: 'mobile' },
        { phone: '0791-86123456', label: 'home' },
      ],
      idNo: '360102199001011234',
      address: {
        city: '甲市',
        county: '一县',
        street: '青山湖大道',
        detail: '阳光小区3栋2单元501室',
      },
    });
    const audit = await auditRowsFor(t.database, ids.zhang!);
    const reveal = audit.find((a) => a.action === 'customer.reveal');
    expect(reveal).toBeDefined();
    expect(reveal!.actor_id).toBe(org.users.agent!.id);
    expect(reveal!.after).toEqual({
      fields: ['phones', 'idNo', 'address'],
      reason: '客户要求核对联系电话',
    });
  });

  it('refuses a reveal without a reason or with an unknown field', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const before = (await auditRowsFor(t.database, ids.li!)).length;
    for (const body of [
      { fields: ['phones'] },
      { fields: ['phones'], reason: '' },
      { fields: ['password'], reason: 'x' },
      { fields: [], reason: 'x' },
    ]) {
      const res = await agent.post(`/api/customers/${ids.li}/reveal`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await auditRowsFor(t.database, ids.li!)).length).toBe(before);
  });
});
