import { parseArgs } from 'node:util';
import { runMain, withDatabase } from '../server/cli.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { bootstrapOrganisation } from '../server/modules/auth/index.js';
import { insertDefaultSegments } from '../server/modules/customers/index.js';

const USAGE = `npm run admin -- init --name 国网某省电力有限公司 --code XX [--level province|national] [--username admin] [--display-name 管理员]
  Creates the top unit and its first administrator in an empty database (DATA_DIR or
  DATABASE_URL) and prints a temporary password, to be changed at first login.`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      code: { type: 'string' },
      level: { type: 'string', default: 'province' },
      username: { type: 'string', default: 'admin' },
      'display-name': { type: 'string', default: '系统管理员' },
    },
  });
  if (positionals[0] !== 'init' || !values.name || !values.code) throw new ConfigError(USAGE);
  if (values.level !== 'province' && values.level !== 'national') throw new ConfigError(USAGE);
  const rootLevel = values.level;
  const r = await withDatabase(loadConfig(), async (database) => {
    const made = await bootstrapOrganisation({
      db: database.db,
      rootName: values.name!,
      rootCode: values.code!,
      rootLevel,
      username: values.username,
      displayName: values['display-name'],
    });
    // The service segments of rules.md §6, for the administrator to adjust.
    await insertDefaultSegments(database.db, {
      orgId: made.unitId,
      provinceId: rootLevel === 'province' ? made.unitId : null,
    });
    return made;
  });
  console.log(`Created ${values.name} and administrator "${values.username}".`);
  console.log(`Temporary password (change it at first login): ${r.temporaryPassword}`);
}

runMain(main, false);
