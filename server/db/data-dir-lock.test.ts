import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('DATA_DIR lock', () => {
  it('refuses a second holder while the first process lives', () => {
    const dir = tmp();
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dir, 'lianxin.lock'), `${other.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Lianxin process/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'lianxin.lock'), '999999999\n');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'lianxin.lock'), 'utf8').trim()).toBe(
      String(process.pid),
    );
    release();
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(false);
  });

  it('makes a second server process on the same DATA_DIR exit with a clear message', async () => {
    const dir = tmp();
    const release = lockDataDir(dir);
    try {
      const run = promisify(execFile)('npx', ['tsx', 'server/main.ts'], {
        env: { ...process.env, DATA_DIR: dir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'silent' },
        timeout: 30_000,
      });
      const err = (await run.then(
        () => null,
        (e: unknown) => e,
      )) as { code: number; stderr: string } | null;
      expect(err).not.toBeNull();
      expect(err!.code).toBe(2);
      expect(err!.stderr).toContain('is in use by another Lianxin process');
    } finally {
      release();
    }
  });
});
