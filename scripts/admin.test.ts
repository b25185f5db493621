import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';
import { testConfig } from '../server/db/test-helpers.js';

const run = promisify(execFile);

// Runs the real CLI in a child process with its own embedded database: slow on a busy machine.
describe('admin CLI', { timeout: 120_000 }, () => {
  it('creates the top unit and an administrator who must change the temporary password', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-admin-'));
    try {
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
      const args = [
        'tsx',
        'scripts/admin.ts',
        'init',
        '--name',
        '国网测试省电力有限公司',
        '--code',
        'TS',
        '--username',
        'root',
      ];
      const { stdout } = await run('npx', args, { env });
      const password = /Temporary password[^:]*: (\S+)/.exec(stdout)?.[1];
      expect(password).toBeTruthy();
      // A second init is refused: the installation already has its top unit.
      await expect(run('npx', args, { env })).rejects.toMatchObject({ code: 1 });

      const database = await openDatabase({ dataDir: dir });
      const app = await buildApp({ config: testConfig({ databaseUrl: undefined }), database });
      try {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'root', password },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().me.user.mustChangePassword).toBe(true);
        expect(res.json().me.roles).toEqual(['admin']);
        expect(res.json().me.unit.name).toBe('国网测试省电力有限公司');
      } finally {
        await app.close();
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
