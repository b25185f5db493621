/**
 * The demo's telephone: a PBX integration of the province's 95598 center with a FIXED, PUBLIC
 * secret (demo only — so that `npm run simulate:calls` works on `npm start` without a setup
 * step; revoke it and create a real one on any system that is not a demo), the center's skills
 * and queues, and the agents' extensions and skills.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { ctiSecretHash } from '../../server/modules/contact/index.js';
import { SeededRandom } from './random.js';

/** DEMO ONLY: the published secret of the demo PBX integration. */
export const DEMO_CTI_SECRET = 'lxcti_DEMO-ONLY-95598-center-not-a-secret';

const EPOCH = Date.UTC(2026, 0, 1) + 4_000_000;

const SKILLS = [
  ['fault', '故障'],
  ['complaint', '投诉'],
  ['business', '业扩'],
  ['enquiry', '咨询'],
  ['dialect-yue', '方言-粤语'],
  ['english', '英语'],
] as const;

/** PBX queue → skill. */
const QUEUES = [
  ['fault', 'fault'],
  ['complaint', 'complaint'],
  ['business', 'business'],
  ['enquiry', 'enquiry'],
  ['english', 'english'],
] as const;

/** Username → extension and skills (level). */
const AGENTS: Record<string, { extension: string; skills: [string, number][] }> = {
  agent01: {
    extension: '8001',
    skills: [
      ['fault', 3],
      ['enquiry', 2],
    ],
  },
  agent02: {
    extension: '8002',
    skills: [
      ['fault', 2],
      ['complaint', 2],
      ['enquiry', 1],
    ],
  },
  agent03: {
    extension: '8003',
    skills: [
      ['fault', 1],
      ['business', 3],
      ['enquiry', 2],
    ],
  },
  agent04: {
    extension: '8004',
    skills: [
      ['fault', 2],
      ['enquiry', 3],
      ['dialect-yue', 2],
    ],
  },
  agent05: {
    extension: '8005',
    skills: [
      ['complaint', 3],
      ['enquiry', 2],
      ['english', 2],
    ],
  },
  agent06: {
    extension: '8006',
    skills: [
      ['fault', 2],
      ['business', 2],
      ['enquiry', 2],
    ],
  },
  lead01: {
    extension: '8101',
    skills: [
      ['fault', 3],
      ['complaint', 3],
      ['enquiry', 3],
    ],
  },
  lead02: {
    extension: '8102',
    skills: [
      ['complaint', 3],
      ['business', 3],
      ['english', 1],
    ],
  },
};

/** Writes the demo telephone in the caller's transaction. */
export async function insertDemoContact(tx: Kysely<DB>, seed: number): Promise<void> {
  const rnd = new SeededRandom(seed + 7);
  let n = 0;
  const id = () => rnd.uuid(EPOCH + n++);
  const center = await tx
    .selectFrom('org_units')
    .select(['id', 'path', 'province_id'])
    .where('code', '=', 'SF-CSC')
    .executeTakeFirst();
  if (!center) return;
  const unit = { org_id: center.id, unit_path: center.path, province_id: center.province_id };
  await tx
    .insertInto('contact_integrations')
    .values({
      id: id(),
      name: '演示交换机（仅演示，密钥公开）',
      prefix: DEMO_CTI_SECRET.slice(6, 14),
      secret_hash: ctiSecretHash(DEMO_CTI_SECRET),
      ...unit,
    })
    .execute();
  const skillIds = new Map<string, string>();
  for (const [code, name] of SKILLS) {
    const skillId = id();
    skillIds.set(code, skillId);
    await tx
      .insertInto('contact_skills')
      .values({ id: skillId, code, name, ...unit })
      .execute();
  }
  for (const [name, skill] of QUEUES) {
    await tx
      .insertInto('contact_queues')
      .values({ id: id(), name, skill_id: skillIds.get(skill)!, ...unit })
      .execute();
  }
  const users = await tx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.org_id', 'o.path', 'u.province_id'])
    .where('u.username', 'in', Object.keys(AGENTS))
    .execute();
  for (const u of users) {
    const spec = AGENTS[u.username]!;
    await tx
      .insertInto('contact_agents')
      .values({
        user_id: u.id,
        extension: spec.extension,
        state: 'signed_out',
        org_id: u.org_id,
        unit_path: u.path,
        province_id: u.province_id,
      })
      .execute();
    await tx
      .insertInto('contact_agent_skills')
      .values(
        spec.skills.map(([code, level]) => ({
          user_id: u.id,
          skill_id: skillIds.get(code)!,
          level,
        })),
      )
      .execute();
  }
}
