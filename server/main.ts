import { runMain } from './cli.js';
import { loadConfig } from './config.js';
import { closeOnSignals, startServer } from './server.js';

/** Starts Lianxin without demo data (the production entry point). */
async function main() {
  const config = loadConfig();
  const server = await startServer(config);
  closeOnSignals(server);
}

runMain(main);
