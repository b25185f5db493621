/** HTTP routes of the knowledge search, the article lists and the categories; the public site's. */
import { z } from 'zod';
import {
  CreateKnowledgeCategoryInput,
  KnowledgeArticleList,
  KnowledgeCategory,
  KnowledgeCategoryList,
  KnowledgeListQuery,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  PublicKnowledgeArticle,
  PublicKnowledgeArticleQuery,
  PublicKnowledgeQuery,
  PublicKnowledgeResult,
  UpdateKnowledgeCategoryInput,
} from '../../../../common/schemas/knowledge.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { writeTransaction } from '../../../http/transaction.js';
import { AppError } from '../../../platform/app-error.js';
import {
  fixedWindowLimiter,
  PUBLIC_LIMIT_PER_MINUTE,
  type RateLimiter,
} from '../public-rate-limit.js';
import { createCategory, listCategories, updateCategory } from '../service/categories.js';
import { listKnowledge, publicArticle, searchKnowledge, searchPublic } from '../service/search.js';

const Params = z.strictObject({ id: Id });
const tags = ['knowledge'];

export function knowledgeSearchRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/knowledge/search',
    {
      schema: {
        tags,
        summary: '知识搜索 Search in Chinese, ranked by relevance and freshness, with highlights',
        querystring: KnowledgeSearchQuery,
        response: { 200: KnowledgeSearchResult },
      },
    },
    async (request) =>
      searchKnowledge({ tx: db(), actor: actorOf(request), now: new Date() }, request.query),
  );

  app.get(
    '/api/knowledge/articles',
    {
      schema: {
        tags,
        summary: '知识列表 Articles by state (review: the review queue), category, kind',
        querystring: KnowledgeListQuery,
        response: { 200: KnowledgeArticleList },
      },
    },
    async (request) =>
      listKnowledge({ tx: db(), actor: actorOf(request), now: new Date() }, request.query),
  );

  app.get(
    '/api/knowledge/categories',
    {
      schema: {
        tags,
        summary: '知识分类 The category tree (flat, with parents)',
        querystring: NoQuery,
        response: { 200: KnowledgeCategoryList },
      },
    },
    async (request) => listCategories({ tx: db(), actor: actorOf(request), now: new Date() }),
  );

  app.post(
    '/api/knowledge/categories',
    {
      schema: {
        tags,
        summary: '新建知识分类 Create a category',
        body: CreateKnowledgeCategoryInput,
        response: { 201: KnowledgeCategory },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = await writeTransaction(db(), (tx) =>
        createCategory({ tx, actor, meta: metaOf(request), now: new Date() }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/knowledge/categories/:id',
    {
      schema: {
        tags,
        summary: '修改知识分类 Rename, move or reorder a category',
        params: Params,
        body: UpdateKnowledgeCategoryInput,
        response: { 200: KnowledgeCategory },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        updateCategory(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );
}

/** The public site's knowledge: published articles for the public, no login, rate-limited. */
export function publicKnowledgeRoutes(
  app: App,
  limiter: RateLimiter = fixedWindowLimiter(PUBLIC_LIMIT_PER_MINUTE, 60_000),
): void {
  const db = () => app.deps.database.db;
  // Counted after validation, so a malformed request is refused for what it is.
  const gate = (ip: string) => {
    if (!limiter.allow(ip)) throw new AppError('RATE_LIMITED');
  };

  app.get(
    '/api/public/knowledge',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '公开知识搜索 Public knowledge search (no login; rate-limited)',
        security: [],
        querystring: PublicKnowledgeQuery,
        response: { 200: PublicKnowledgeResult },
      },
    },
    async (request) => {
      gate(request.ip);
      return searchPublic({ tx: db(), now: new Date() }, request.query);
    },
  );

  app.get(
    '/api/public/knowledge/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '公开知识详情 A public article (no login; rate-limited)',
        security: [],
        params: Params,
        querystring: PublicKnowledgeArticleQuery,
        response: { 200: PublicKnowledgeArticle },
      },
    },
    async (request) => {
      gate(request.ip);
      return publicArticle({ tx: db(), now: new Date() }, request.params.id, request.query);
    },
  );
}
