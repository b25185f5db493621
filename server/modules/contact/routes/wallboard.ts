/** HTTP route of the wall board (大屏): a center's live figures for today. */
import { Wallboard, WallboardQuery } from '../../../../common/schemas/wallboard.js';
import { actorOf, type App } from '../../../http/context.js';
import { sharedWallboard } from '../service/wallboard.js';

export function wallboardRoutes(app: App): void {
  app.get(
    '/api/contact/wallboard',
    {
      schema: {
        tags: ['contact'],
        summary: '大屏监控 Today’s queue, agents, service level, calls and orders per hour, risks',
        querystring: WallboardQuery,
        response: { 200: Wallboard },
      },
    },
    async (request) =>
      sharedWallboard(
        { tx: app.deps.database.db, actor: actorOf(request), now: new Date() },
        request.query,
      ),
  );
}
