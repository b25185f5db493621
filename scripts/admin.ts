import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { DataDirLockedError, lockDataDir } from '../server/db/data-dir-lock.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { bootstrapOrganisation } from '../server/modules/auth/index.js';

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
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const r = await bootstrapOrganisation({
      db: database.db,
      rootName: values.name,
      rootCode: values.code,
      rootLevel: values.level,
      username: values.username,
      displayName: values['display-name'],
    });
    console.log(`Created ${values.name} and administrator "${values.username}".`);
    console.log(`Temporary password (change it at first login): ${r.temporaryPassword}`);
  } finally {
    await database.close();
    release();
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
