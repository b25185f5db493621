/**
 * Knowledge base (知识库) and answer scripts (话术), issue 7 item 6: articles in categories with
 * tags, validity dates, audience and order-type links; versions with diffs; the approval flow
 * draft → review → published → expired; Chinese search (jieba + PostgreSQL full text) ranked by
 * relevance and freshness with highlights; votes and usage counts; a public, rate-limited read.
 */
import type { App } from '../../http/context.js';
import { knowledgeArticleRoutes } from './routes/articles.js';
import { knowledgeSearchRoutes, publicKnowledgeRoutes } from './routes/search.js';

export function registerKnowledgeRoutes(app: App): void {
  knowledgeSearchRoutes(app);
  knowledgeArticleRoutes(app);
  publicKnowledgeRoutes(app);
}
// For the agent desktop (the knowledge panel, "answered with article X") and the demo loader.
export { searchKnowledge, searchPublic } from './service/search.js';
export { recordArticleUse } from './service/feedback.js';
export { createArticle, editArticle, getArticle } from './service/articles.js';
export { actOnArticle, expireDueArticles } from './service/flow.js';
export { createCategory } from './service/categories.js';
export { expireKnowledgeJob } from './jobs.js';
// For bench/knowledge-search.ts: it writes its 10,000 articles in bulk, as the services would.
export { plainText, renderBody } from './text/render.js';
export { searchVectorText } from './text/search-words.js';
