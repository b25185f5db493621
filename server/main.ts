import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { closeOnSignals, startServer } from './server.js';

/** Starts Lianxin without demo data (the production entry point). */
async function main() {
  const config = loadConfig();
  const server = await startServer(config);
  closeOnSignals(server);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
