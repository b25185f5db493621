import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesRule, type SegmentRule } from '../../../common/customers/segment-rule.js';
import type { CustomerDetail, CustomerList } from '../../../common/schemas/customers.js';
import type { Segment, SegmentList } from '../../../common/schemas/segments.js';
import {
  auditRowsFor,
  buildOrg,
  login,
  testApp,
  type TestApp,
  type TestOrg,
} from '../../db/test-helpers.js';
import { insertDefaultSegments } from './store/segments.js';
import { addCustomers, customerRecord } from './test-support.js';
import type { CustomerRecord } from './record.js';

let t: TestApp;
let org: TestOrg;
const records: CustomerRecord[] = [];

beforeAll(async () => {
  t = await testApp();
  org = await buildOrg(t.database);
  const province = org.units.province!;
  await insertDefaultSegments(t.database.db, { orgId: province.id, provinceId: province.id });
  // A spread of customers over every condition a rule can test.
  const classes = ['resident', 'non_resident', 'large'] as const;
  const volts = ['v220', 'v380', 'kv10', 'kv35', 'kv110'] as const;
  const industries = ['resident_life', 'manufacturing', 'energy_intensive', 'commerce'] as const;
  for (let i = 0; i < 30; i++) {
    records.push(
      customerRecord(org, {
        county: i % 3 === 0 ? '2' : '1',
        name: `客户${i}`,
        customerClass: classes[i % 3]!,
        voltageLevel: volts[i % 5]!,
        industry: industries[i % 4]!,
        annualKwh: i * 100_000,
        important: i % 7 === 0,
        highRisk: i % 11 === 0,
        sensitive: i % 13 === 0,
        sensitiveReason: i % 13 === 0 ? '多次投诉' : null,
        vip: i % 5 === 0,
        arrearsFen: i % 4 === 0 ? i * 1000 : 0,
      }),
    );
  }
  await addCustomers(t.database, records);
});
afterAll(async () => {
  await t.close();
});

const facts = (r: CustomerRecord) => ({
  customerClass: r.customerClass,
  industry: r.industry,
  voltageLevel: r.voltageLevel,
  annualKwh: r.annualKwh,
  important: r.important,
  highRisk: r.highRisk,
  sensitive: r.sensitive,
  vip: r.vip,
  arrearsFen: r.arrearsFen,
});
const expected = (rule: SegmentRule, among = records) =>
  among.filter((r) => matchesRule(rule, facts(r))).length;

describe('segments', () => {
  it('counts every default segment as the pure rule does (SQL and TypeScript agree)', async () => {
    const agent = await login(t.app, org.users.agent!.username);
    const res = await agent.get('/api/segments');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<SegmentList>();
    expect(list.items.length).toBe(8);
    for (const s of list.items) expect(s.customers, s.code).toBe(expected(s.rule));
    expect(list.items.find((s) => s.code === 'ARREARS')!.customers).toBeGreaterThan(0);
  });

  it('counts within the caller scope', async () => {
    const county2 = await login(t.app, org.users.county2admin!.username);
    const list = (await county2.get('/api/segments')).json<SegmentList>();
    const inCounty2 = records.filter((r) => r.orgId === org.units.station2!.id);
    for (const s of list.items) expect(s.customers, s.code).toBe(expected(s.rule, inCounty2));
  });

  it('lets a province admin define a segment for one county only', async () => {
    const admin = await login(t.app, org.users.provadmin!.username);
    const rule: SegmentRule = { minAnnualKwh: 0 };
    const res = await admin.post('/api/segments', {
      unitId: org.units.county2!.id,
      code: 'COUNTY2_ALL',
      name: '二县全部客户',
      rule,
    });
    expect(res.statusCode, res.body).toBe(201);
    const inCounty2 = records.filter((r) => r.orgId === org.units.station2!.id);
    expect(res.json<Segment>().customers).toBe(expected(rule, inCounty2));
    const member = inCounty2[0]!;
    const outsider = records.find((r) => r.orgId === org.units.station1!.id)!;
    const codes = async (id: string) =>
      (await admin.get(`/api/customers/${id}`)).json<CustomerDetail>().segments.map((s) => s.code);
    expect(await codes(member.id)).toContain('COUNTY2_ALL');
    expect(await codes(outsider.id)).not.toContain('COUNTY2_ALL');
  });

  it('lets an admin define and change a segment; the customer view and list follow', async () => {
    const admin = await login(t.app, org.users.provadmin!.username);
    const rule: SegmentRule = { classes: ['large'], minAnnualKwh: 1_000_000, minArrearsFen: 1 };
    const res = await admin.post('/api/segments', {
      code: 'LARGE_ARREARS',
      name: '大客户欠费',
      service: '客户经理上门催费',
      rule,
    });
    expect(res.statusCode, res.body).toBe(201);
    const seg = res.json<Segment>();
    expect(seg.customers).toBe(expected(rule));
    const members = records.filter((r) => matchesRule(rule, facts(r)));
    expect(members.length).toBeGreaterThan(0);
    const detail = (await admin.get(`/api/customers/${members[0]!.id}`)).json<CustomerDetail>();
    expect(detail.segments.map((s) => s.code)).toContain('LARGE_ARREARS');
    const listed = (
      await admin.get(`/api/customers?segmentId=${seg.id}&pageSize=200`)
    ).json<CustomerList>();
    expect(listed.items.map((c) => c.id).sort()).toEqual(members.map((m) => m.id).sort());
    expect(listed.total).toBe(members.length);

    const wider: SegmentRule = { classes: ['large'] };
    const patched = await admin.patch(`/api/segments/${seg.id}`, {
      version: 1,
      rule: wider,
      active: true,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Segment>().customers).toBe(expected(wider));
    expect((await auditRowsFor(t.database, seg.id)).map((a) => a.action).sort()).toEqual([
      'segment.create',
      'segment.update',
    ]);
  });

  it('refuses bad rules, duplicate codes, stale versions and non-admins', async () => {
    const admin = await login(t.app, org.users.provadmin!.username);
    for (const rule of [{}, { minAnnualKwh: 5, maxAnnualKwh: 1 }, { classes: ['alien'] }]) {
      const res = await admin.post('/api/segments', { code: 'BAD_RULE', name: '坏规则', rule });
      expect(res.statusCode, JSON.stringify(rule)).toBe(400);
    }
    const dup = await admin.post('/api/segments', {
      code: 'ARREARS',
      name: '重复',
      rule: { vip: true },
    });
    expect(dup.statusCode).toBe(409);
    const list = (await admin.get('/api/segments')).json<SegmentList>();
    const arrears = list.items.find((s) => s.code === 'ARREARS')!;
    const stale = await admin.patch(`/api/segments/${arrears.id}`, { version: 99, name: '改名' });
    expect(stale.statusCode).toBe(409);
    const agent = await login(t.app, org.users.agent!.username);
    const denied = await agent.post('/api/segments', {
      code: 'AGENT_SEG',
      name: '坐席',
      rule: { vip: true },
    });
    expect(denied.statusCode).toBe(403);
    // A county admin sees the province's segments but may not change them.
    const county = await login(t.app, org.users.county1admin!.username);
    const foreign = await county.patch(`/api/segments/${arrears.id}`, {
      version: 1,
      name: '县改名',
    });
    expect(foreign.statusCode).toBe(403);
  });
});
