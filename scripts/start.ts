import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runMain } from '../server/cli.js';
import { loadConfig } from '../server/config.js';
import { closeOnSignals, startServer } from '../server/server.js';
import { isEmpty, loadDemo } from './demo/load-demo.js';
import { DEMO_ORDERS } from './demo/orders.js';

/**
 * `npm start`: builds the web app when it is missing, starts the server, and on a first start
 * (an empty database) loads the demo territory.
 */
async function main() {
  const config = loadConfig();
  if (!fs.existsSync(path.join(config.webDist, 'index.html'))) {
    console.log('Building the web app (first start)…');
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
  }
  const server = await startServer(config, {
    onEmptyDatabase: async (database) => {
      if (!config.demoOnEmpty || !(await isEmpty(database))) return;
      console.log('Empty database: loading the demo territory (demo logins in README.md)…');
      const summary = await loadDemo(database, {
        customers: 20_000,
        seed: 20261123,
        orders: DEMO_ORDERS,
      });
      console.log(
        `Demo loaded: ${summary.units} units, ${summary.users} users, ${summary.customers} customers, ${summary.orders} work orders.`,
      );
    },
  });
  closeOnSignals(server);
  console.log(
    `Lianxin is running: http://localhost:${config.port} (database: ${server.database.kind})`,
  );
}

runMain(main);
