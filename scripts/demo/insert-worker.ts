import { parentPort, Worker, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/database.js';
import { insertCustomersBulk, type CustomerRecord } from '../../server/modules/customers/index.js';

/**
 * Writers in worker threads for big loads on a PostgreSQL server: segmenting addresses and
 * encoding the rows cost the loader as much as generating them, so they run beside the
 * generator, each worker with its own connections, every chunk in its own transaction.
 */
interface Options {
  databaseUrl: string;
  /** Skip per-row foreign-key checks (session_replication_role; superuser only). */
  skipChecks: boolean;
}

type Request = { id: number; rows: CustomerRecord[] } | { id: number; close: true };
type Reply = { id: number; error?: string };

// Node 20 does not run a worker's TypeScript entry through the tsx hooks of the main thread:
// the worker registers them itself, then loads this file.
const ENTRY = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(import.meta.url)});
});`;

/** A pool of writer threads; write() resolves when the chunk has committed. */
export class InsertWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(count: number, opts: Options) {
    this.workers = Array.from({ length: count }, () => {
      const w = new Worker(ENTRY, { eval: true, workerData: opts });
      w.on('message', (m: Reply) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error === undefined) p?.resolve();
        else p?.reject(new Error(m.error));
      });
      w.on('error', (e) => {
        this.failure = e;
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      return w;
    });
  }

  write(rows: CustomerRecord[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows } satisfies Request);
    });
  }

  /** Closes the workers' connections and ends the threads. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const id = this.next++;
        // A worker that died answers nothing: only the living are asked to close first.
        if (!this.failure) {
          await new Promise<void>((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            w.postMessage({ id, close: true } satisfies Request);
          }).catch(() => {});
        }
        await w.terminate();
      }),
    );
  }
}

async function serve(port: NonNullable<typeof parentPort>, opts: Options) {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, poolSize: 2 });
  port.on('message', (m: Request) => {
    if ('close' in m) {
      void database.close().finally(() => port.postMessage({ id: m.id } satisfies Reply));
      return;
    }
    database.db
      .transaction()
      .execute(async (tx) => {
        if (opts.skipChecks) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
        await insertCustomersBulk(tx, m.rows);
      })
      .then(
        () => port.postMessage({ id: m.id } satisfies Reply),
        (e: unknown) =>
          port.postMessage({
            id: m.id,
            error: e instanceof Error ? (e.stack ?? e.message) : String(e),
          } satisfies Reply),
      );
  });
}

if (parentPort && (workerData as Options | undefined)?.databaseUrl) {
  await serve(parentPort, workerData as Options);
}
