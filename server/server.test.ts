import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Process-level behaviour of the embedded mode: a real `server/main.ts` on a temporary DATA_DIR.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-proc-'));
const port = String(19_000 + Math.floor(Math.random() * 1000));
const base = `http://127.0.0.1:${port}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function start(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: port,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      JOBS: 'false',
    },
    stdio: 'ignore',
  });
}

async function ready(child: ChildProcess): Promise<void> {
  // Opening the embedded database is slow on a busy machine: allow a minute.
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become ready');
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('server process (embedded database)', { timeout: 120_000 }, () => {
  it('stops cleanly on SIGTERM and releases DATA_DIR', async () => {
    const child = start();
    await ready(child);
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(true);
    const done = exited(child);
    child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(false);
  });

  it('keeps a record acknowledged with 201 through a kill -9 and a restart', async () => {
    const { bootstrapOrganisation } = await import('./modules/auth/index.js');
    const { openDatabase } = await import('./db/database.js');
    const { migrateToLatest } = await import('./db/migrate.js');
    const seed = await openDatabase({ dataDir: dir });
    await migrateToLatest(seed.db);
    const boot = await bootstrapOrganisation({
      db: seed.db,
      rootName: '崩溃测试省公司',
      rootCode: 'CRASH',
      rootLevel: 'province',
      username: 'root',
      displayName: '管理员',
    });
    await seed.close();

    let child = start();
    await ready(child);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: boot.temporaryPassword }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const { me } = (await login.json()) as { me: { csrfToken: string } };
    const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
    const changed = await fetch(`${base}/api/auth/change-password`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        currentPassword: boot.temporaryPassword,
        newPassword: 'Crash@Test2026',
      }),
    });
    expect(changed.status).toBe(200);
    const created = await fetch(`${base}/api/org/units`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        parentId: boot.unitId,
        name: '崩溃前单位',
        code: 'CRASH-1',
        level: 'city',
        kind: 'company',
      }),
    });
    expect(created.status).toBe(201);
    const unit = (await created.json()) as { id: string };

    const killed = exited(child);
    child.kill('SIGKILL');
    await killed;
    child = start(); // the stale lock of the killed process is taken over
    await ready(child);
    const relogin = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: 'Crash@Test2026' }),
    });
    expect(relogin.status).toBe(200);
    const cookie2 = relogin.headers.getSetCookie()[0]!.split(';')[0]!;
    const again = await fetch(`${base}/api/org/units/${unit.id}`, { headers: { cookie: cookie2 } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('崩溃前单位');
    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });
});
