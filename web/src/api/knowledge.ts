import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateKnowledgeArticleInput,
  CreateKnowledgeCategoryInput,
  KnowledgeArticleDetail,
  KnowledgeArticleList,
  KnowledgeCategory,
  KnowledgeCategoryList,
  KnowledgeDiff,
  KnowledgePreview,
  KnowledgeSearchResult,
  KnowledgeVersionList,
  KnowledgeVoteResult,
  UpdateKnowledgeArticleInput,
} from '../../../common/schemas/knowledge.ts';
import { api } from './client.ts';
import { useLiveEvents } from './events.ts';

export const knowledgeKey = ['knowledge'] as const;
const detailKey = (id: string) => [...knowledgeKey, 'article', id] as const;
const categoriesKey = [...knowledgeKey, 'categories'] as const;

/** The search's parameters (q, categoryId, audience, orderType, kind, scenario, drafts, page…). */
export type KnowledgeSearchParams = Record<string, string | number | undefined>;

/** The knowledge search: ranked hits with highlights. */
export function useKnowledgeSearch(params: KnowledgeSearchParams, enabled = true) {
  return useQuery({
    queryKey: [...knowledgeKey, 'search', params],
    queryFn: () => api<KnowledgeSearchResult>('GET', '/api/knowledge/search', { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKnowledgeList(params: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...knowledgeKey, 'list', params],
    queryFn: () => api<KnowledgeArticleList>('GET', '/api/knowledge/articles', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: () => api<KnowledgeCategoryList>('GET', '/api/knowledge/categories'),
    staleTime: 60_000,
  });
}

export function useCreateKnowledgeCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKnowledgeCategoryInput) =>
      api<KnowledgeCategory>('POST', '/api/knowledge/categories', { body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: categoriesKey }),
  });
}

export function useKnowledgeArticle(id: string, version?: number) {
  return useQuery({
    queryKey: [...detailKey(id), version ?? 'current'],
    queryFn: () =>
      api<KnowledgeArticleDetail>('GET', `/api/knowledge/articles/${id}`, {
        query: { version },
      }),
  });
}

export function useKnowledgeVersions(id: string) {
  return useQuery({
    queryKey: [...detailKey(id), 'versions'],
    queryFn: () => api<KnowledgeVersionList>('GET', `/api/knowledge/articles/${id}/versions`),
  });
}

export function useKnowledgeDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...detailKey(id), 'diff', from, to],
    queryFn: () =>
      api<KnowledgeDiff>('GET', `/api/knowledge/articles/${id}/diff`, { query: { from, to } }),
    enabled: from !== null && to !== null && from !== to,
  });
}

/**
 * Keeps what the page shows of the knowledge base current: an article published or withdrawn
 * where the user reads (`event: knowledge`) makes searches, lists and articles be fetched again,
 * so an agent on a call never reads out an answer that was just replaced.
 */
export function useLiveKnowledge() {
  const qc = useQueryClient();
  const refetch = () => void qc.invalidateQueries({ queryKey: knowledgeKey });
  useLiveEvents('knowledge', refetch, refetch);
}

function useArticleChanged() {
  const qc = useQueryClient();
  return (detail: KnowledgeArticleDetail) => {
    qc.setQueryData([...detailKey(detail.id), 'current'], detail);
    void qc.invalidateQueries({ queryKey: knowledgeKey });
  };
}

export function useCreateKnowledgeArticle() {
  const changed = useArticleChanged();
  return useMutation({
    mutationFn: (input: CreateKnowledgeArticleInput) =>
      api<KnowledgeArticleDetail>('POST', '/api/knowledge/articles', { body: input }),
    onSuccess: changed,
  });
}

export function useUpdateKnowledgeArticle(id: string) {
  const changed = useArticleChanged();
  return useMutation({
    mutationFn: (input: UpdateKnowledgeArticleInput) =>
      api<KnowledgeArticleDetail>('PUT', `/api/knowledge/articles/${id}`, { body: input }),
    onSuccess: changed,
  });
}

export type KnowledgeFlowStep = 'submit' | 'approve' | 'reject' | 'expire';

/** One step of the approval flow; the answer is the article as it now stands. */
export function useKnowledgeFlow(id: string) {
  const changed = useArticleChanged();
  return useMutation({
    mutationFn: (v: { step: KnowledgeFlowStep; version: number; reason?: string }) =>
      api<KnowledgeArticleDetail>('POST', `/api/knowledge/articles/${id}/${v.step}`, {
        body: { version: v.version, ...(v.reason ? { reason: v.reason } : {}) },
      }),
    onSuccess: changed,
  });
}

export function useKnowledgeVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (helpful: boolean | null) =>
      api<KnowledgeVoteResult>('POST', `/api/knowledge/articles/${id}/vote`, {
        body: { vote: helpful === null ? 'none' : helpful ? 'helpful' : 'unhelpful' },
      }),
    onSuccess: (r) => {
      qc.setQueryData<KnowledgeArticleDetail>([...detailKey(id), 'current'], (old) =>
        old ? { ...old, counts: r.counts, myVote: r.myVote } : old,
      );
    },
  });
}

/** Counts a use: an article opened from a search, or a caller answered with it. */
export function recordKnowledgeUse(
  id: string,
  use: { kind: 'opened' | 'answered'; query?: string; contactId?: string },
): Promise<unknown> {
  return api('POST', `/api/knowledge/articles/${id}/usage`, { body: use });
}

/**
 * Counts a use of an article, then has its page (open, or opening alongside the count) fetch it
 * again: otherwise a page read before the count was written keeps showing the old number.
 */
export function useRecordKnowledgeUse() {
  const qc = useQueryClient();
  return (id: string, use: Parameters<typeof recordKnowledgeUse>[1]) =>
    recordKnowledgeUse(id, use).then(() => qc.invalidateQueries({ queryKey: detailKey(id) }));
}

/** The editor's preview: the Markdown rendered and sanitized by the server. */
export function previewKnowledgeBody(body: string): Promise<KnowledgePreview> {
  return api<KnowledgePreview>('POST', '/api/knowledge/preview', { body: { body } });
}
