import { NoQuery } from '../../../../common/schemas/primitives.js';
import { z } from 'zod';
import {
  ChangePasswordInput,
  LoginInput,
  LoginResult,
  Me,
  UpdateOwnProfileInput,
} from '../../../../common/schemas/auth.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { presentMe } from '../presenters.js';
import { updateOwnProfile } from '../service/profile.js';
import { principalWrite } from './principal-write.js';
import { actorFromSession } from '../service/principal.js';
import { changeOwnPassword, login, logout } from '../service/login.js';

const SESSION_COOKIE = 'lx_session';
const Ok = z.object({ ok: z.literal(true) });

export function sessionRoutes(app: App): void {
  const { config } = app.deps;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
  };

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in with username and password; sets the session cookie',
        body: LoginInput,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const { db } = app.deps.database;
      const result = await login({
        db,
        username: request.body.username,
        password: request.body.password,
        meta: metaOf(request),
        ttlSeconds: config.sessionTtlSeconds,
      });
      const actor = await actorFromSession(db, result.sessionToken, config.sessionTtlSeconds);
      reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions);
      return { me: presentMe(actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 200: Ok } },
    },
    async (request, reply) => {
      await logout({ db: app.deps.database.db, actor: actorOf(request), meta: metaOf(request) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { allowPendingPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change your own password (required at first login)',
        body: ChangePasswordInput,
        response: { 200: Me },
      },
    },
    async (request) => {
      const { db } = app.deps.database;
      const actor = actorOf(request);
      await changeOwnPassword({
        db,
        actor,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        meta: metaOf(request),
      });
      return presentMe({ ...actor, mustChangePassword: false });
    },
  );

  app.get(
    '/api/me',
    {
      config: { allowPendingPasswordChange: true },
      schema: {
        querystring: NoQuery,
        tags: ['auth'],
        summary: '当前用户 The signed-in user, roles, unit and permissions',
        response: { 200: Me },
      },
    },
    (request) => Promise.resolve(presentMe(actorOf(request))),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人联系方式 Update your own phone and e-mail',
        body: UpdateOwnProfileInput,
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const contacts = await principalWrite(app.deps.database.db, (tx) =>
        updateOwnProfile({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return presentMe({ ...actor, ...contacts });
    },
  );
}
