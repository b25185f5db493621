import { NoQuery } from '../../common/schemas/primitives.js';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../platform/app-error.js';
import type { App } from './context.js';

const Health = z.object({
  status: z.literal('ok'),
  db: z.enum(['embedded', 'postgres']),
  version: z.string(),
  uptimeSeconds: z.number(),
  time: z.string(),
});

export function registerHealth(app: App, version: string): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        querystring: NoQuery,
        tags: ['system'],
        summary: '健康检查 Liveness and database',
        response: { 200: Health },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(app.deps.database.db);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE');
      }
      return {
        status: 'ok' as const,
        db: app.deps.database.kind,
        version,
        uptimeSeconds: Math.round(process.uptime()),
        time: new Date().toISOString(),
      };
    },
  );
}
