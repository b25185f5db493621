/** Who may call the knowledge routes, with a probe for each (see ../test-routes.ts). */
import { notFound, ok, probe, unknownId, type Access } from '../access-probe.js';

/** A draft filed under a category that does not exist: refused before anything is written. */
export const unknownCategoryArticle = () => ({
  kind: 'article',
  title: '探针',
  body: '探针正文',
  categoryId: unknownId(),
});

const articleNotFound = notFound('KNOWLEDGE_ARTICLE_NOT_FOUND');

export const KNOWLEDGE_ACCESS: Record<string, Access> = {
  'GET /api/knowledge/search': {
    needs: 'knowledge.view',
    probe: probe('GET', '/api/knowledge/search?q=%E6%8E%A2%E9%92%88', ok),
  },
  'GET /api/knowledge/articles': {
    needs: 'knowledge.view',
    probe: probe('GET', '/api/knowledge/articles', ok),
  },
  'GET /api/knowledge/categories': {
    needs: 'knowledge.view',
    probe: probe('GET', '/api/knowledge/categories', ok),
  },
  'POST /api/knowledge/categories': {
    needs: 'knowledge.edit',
    probe: probe(
      'POST',
      '/api/knowledge/categories',
      notFound('KNOWLEDGE_CATEGORY_NOT_FOUND'),
      () => ({ name: '探针', parentId: unknownId() }),
    ),
  },
  'PATCH /api/knowledge/categories/{id}': {
    needs: 'knowledge.edit',
    probe: probe(
      'PATCH',
      '/api/knowledge/categories/{id}',
      notFound('KNOWLEDGE_CATEGORY_NOT_FOUND'),
      () => ({ version: 1, name: '探针' }),
    ),
  },
  'POST /api/knowledge/articles': {
    needs: 'knowledge.edit',
    probe: probe(
      'POST',
      '/api/knowledge/articles',
      notFound('KNOWLEDGE_CATEGORY_NOT_FOUND'),
      unknownCategoryArticle,
    ),
  },
  'POST /api/knowledge/preview': {
    needs: 'knowledge.edit',
    probe: probe('POST', '/api/knowledge/preview', ok, () => ({ body: '探针' })),
  },
  'GET /api/knowledge/articles/{id}': {
    needs: 'knowledge.view',
    probe: probe('GET', '/api/knowledge/articles/{id}', articleNotFound),
  },
  'PUT /api/knowledge/articles/{id}': {
    needs: 'knowledge.edit',
    probe: probe('PUT', '/api/knowledge/articles/{id}', articleNotFound, () => ({ version: 1 })),
  },
  'POST /api/knowledge/articles/{id}/submit': {
    needs: 'knowledge.edit',
    probe: probe('POST', '/api/knowledge/articles/{id}/submit', articleNotFound, () => ({
      version: 1,
    })),
  },
  'POST /api/knowledge/articles/{id}/approve': {
    needs: 'knowledge.review',
    probe: probe('POST', '/api/knowledge/articles/{id}/approve', articleNotFound, () => ({
      version: 1,
    })),
  },
  'POST /api/knowledge/articles/{id}/reject': {
    needs: 'knowledge.review',
    probe: probe('POST', '/api/knowledge/articles/{id}/reject', articleNotFound, () => ({
      version: 1,
      reason: '探针',
    })),
  },
  'POST /api/knowledge/articles/{id}/expire': {
    needs: 'knowledge.review',
    probe: probe('POST', '/api/knowledge/articles/{id}/expire', articleNotFound, () => ({
      version: 1,
    })),
  },
  'GET /api/knowledge/articles/{id}/versions': {
    needs: 'knowledge.view',
    probe: probe('GET', '/api/knowledge/articles/{id}/versions', articleNotFound),
  },
  'GET /api/knowledge/articles/{id}/diff': {
    needs: 'knowledge.view',
    probe: probe('GET', '/api/knowledge/articles/{id}/diff?from=1&to=2', articleNotFound),
  },
  'POST /api/knowledge/articles/{id}/vote': {
    needs: 'knowledge.view',
    probe: probe('POST', '/api/knowledge/articles/{id}/vote', articleNotFound, () => ({
      vote: 'helpful',
    })),
  },
  'POST /api/knowledge/articles/{id}/usage': {
    needs: 'knowledge.view',
    probe: probe('POST', '/api/knowledge/articles/{id}/usage', articleNotFound, () => ({
      kind: 'opened',
    })),
  },
  'GET /api/public/knowledge': { needs: 'public' },
  'GET /api/public/knowledge/{id}': { needs: 'public' },
};
