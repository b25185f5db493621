/** HTTP routes of knowledge articles: write, read, the approval flow, history, votes and uses. */
import { z } from 'zod';
import {
  CreateKnowledgeArticleInput,
  KnowledgeArticleDetail,
  KnowledgeArticleQuery,
  KnowledgeDiff,
  KnowledgeDiffQuery,
  KnowledgeExpireInput,
  KnowledgeFlowInput,
  KnowledgePreview,
  KnowledgePreviewInput,
  KnowledgeRejectInput,
  KnowledgeUsageInput,
  KnowledgeUsageResult,
  KnowledgeVersionList,
  KnowledgeVoteInput,
  KnowledgeVoteResult,
  UpdateKnowledgeArticleInput,
} from '../../../../common/schemas/knowledge.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { writeTransaction } from '../../../http/transaction.js';
import { createArticle, editArticle, getArticle } from '../service/articles.js';
import { recordArticleUse, voteOnArticle } from '../service/feedback.js';
import { actOnArticle, type FlowAction } from '../service/flow.js';
import { previewBody } from '../service/content.js';
import { diffVersions, listVersions } from '../service/history.js';

const Params = z.strictObject({ id: Id });
const tags = ['knowledge'];

const FLOW: { action: FlowAction; body: z.ZodType; summary: string }[] = [
  { action: 'submit', body: KnowledgeFlowInput, summary: '提交审核 Submit the draft for review' },
  {
    action: 'approve',
    body: KnowledgeFlowInput,
    summary: '审核通过 Approve: the version goes live, the previous one is superseded',
  },
  {
    action: 'reject',
    body: KnowledgeRejectInput,
    summary: '驳回 Reject back to draft with a reason',
  },
  { action: 'expire', body: KnowledgeExpireInput, summary: '下线 Expire the live version now' },
];

export function knowledgeArticleRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.post(
    '/api/knowledge/articles',
    {
      schema: {
        tags,
        summary: '新建知识/话术 Create an article or answer script (a draft)',
        body: CreateKnowledgeArticleInput,
        response: { 201: KnowledgeArticleDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
        createArticle({ tx, actor, meta: metaOf(request), now: new Date() }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.post(
    '/api/knowledge/preview',
    {
      schema: {
        tags,
        summary: '预览正文 The body as it will be stored: Markdown rendered, unsafe markup removed',
        body: KnowledgePreviewInput,
        response: { 200: KnowledgePreview },
      },
    },
    (request, reply) => {
      void reply.send(previewBody(actorOf(request), request.body.body));
    },
  );

  app.get(
    '/api/knowledge/articles/:id',
    {
      schema: {
        tags,
        summary: '知识详情 An article (the live version, or ?version=N), counts and actions',
        params: Params,
        querystring: KnowledgeArticleQuery,
        response: { 200: KnowledgeArticleDetail },
      },
    },
    async (request) =>
      getArticle(
        { tx: db(), actor: actorOf(request), now: new Date() },
        request.params.id,
        request.query.version,
      ),
  );

  app.put(
    '/api/knowledge/articles/:id',
    {
      schema: {
        tags,
        summary: '编辑知识 Edit the working draft (or open one over the published version)',
        params: Params,
        body: UpdateKnowledgeArticleInput,
        response: { 200: KnowledgeArticleDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        editArticle(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );

  for (const step of FLOW) {
    app.post(
      `/api/knowledge/articles/:id/${step.action}`,
      {
        schema: {
          tags,
          summary: step.summary,
          params: Params,
          body: step.body,
          response: { 200: KnowledgeArticleDetail },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return writeTransaction(db(), (tx) =>
          actOnArticle(
            { tx, actor, meta: metaOf(request), now: new Date() },
            request.params.id,
            step.action,
            request.body as { version: number; reason?: string },
          ),
        );
      },
    );
  }

  app.get(
    '/api/knowledge/articles/:id/versions',
    {
      schema: {
        tags,
        summary: '版本历史 The versions of an article, newest first',
        params: Params,
        querystring: NoQuery,
        response: { 200: KnowledgeVersionList },
      },
    },
    async (request) =>
      listVersions({ tx: db(), actor: actorOf(request), now: new Date() }, request.params.id),
  );

  app.get(
    '/api/knowledge/articles/:id/diff',
    {
      schema: {
        tags,
        summary: '版本对比 What changed between two versions (fields and body)',
        params: Params,
        querystring: KnowledgeDiffQuery,
        response: { 200: KnowledgeDiff },
      },
    },
    async (request) =>
      diffVersions(
        { tx: db(), actor: actorOf(request), now: new Date() },
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );

  app.post(
    '/api/knowledge/articles/:id/vote',
    {
      schema: {
        tags,
        summary: '评价 Helpful, not helpful, or none (the vote taken back)',
        params: Params,
        body: KnowledgeVoteInput,
        response: { 200: KnowledgeVoteResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        voteOnArticle(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.post(
    '/api/knowledge/articles/:id/usage',
    {
      schema: {
        tags,
        summary: '使用记录 Count a use: opened from a search, or a caller answered with it',
        params: Params,
        body: KnowledgeUsageInput,
        response: { 200: KnowledgeUsageResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        recordArticleUse(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );
}
