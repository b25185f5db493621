/**
 * Test support: a test organisation with the demo knowledge base written into it (by its trainer,
 * approved by its center manager), and clients for the roles the tests use.
 */
import { demoActors } from '../../../scripts/demo/actors.js';
import { seedKnowledge, type KnowledgeSeedSummary } from '../../../scripts/demo/knowledge.js';
import { buildOrg, login, type Client, type TestApp, type TestOrg } from '../../db/test-helpers.js';

export interface SeededOrg {
  org: TestOrg;
  seed: KnowledgeSeedSummary;
  now: Date;
}

/** A fresh organisation holding the demo knowledge base, published as of `now`. */
export async function seededOrg(t: TestApp, now = new Date()): Promise<SeededOrg> {
  const org = await buildOrg(t.database);
  const seed = await t.database.db.transaction().execute(async (tx) => {
    const actors = await demoActors(tx, [
      org.users.trainer!.username,
      org.users.manager!.username,
      org.users.lead!.username,
    ]);
    return seedKnowledge(
      tx,
      {
        author: actors.get(org.users.trainer!.username)!,
        reviewer: actors.get(org.users.manager!.username)!,
        other: actors.get(org.users.lead!.username),
      },
      now,
    );
  });
  return { org, seed, now };
}

/** Signed-in clients for the roles the knowledge tests use. */
export async function clients(t: TestApp, org: TestOrg) {
  const as = (key: string): Promise<Client> => login(t.app, org.users[key]!.username);
  const [agent, trainer, lead, teamlead, manager, admin, crew] = await Promise.all(
    ['agent', 'trainer', 'lead', 'teamlead', 'manager', 'admin', 'crew'].map(as),
  );
  return {
    agent: agent!,
    trainer: trainer!,
    lead: lead!,
    teamlead: teamlead!,
    manager: manager!,
    admin: admin!,
    crew: crew!,
  };
}
