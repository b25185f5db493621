/** Valid example requests for the knowledge routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import { unknownId } from '../access-probe.js';
import type { Example } from '../malformed-support.js';

export function knowledgeExamples(org: TestOrg): Record<string, Example> {
  void org;
  return {
    'GET /api/knowledge/search': {
      query: {
        q: '峰谷电价怎么算',
        categoryId: unknownId(),
        audience: 'agents',
        orderType: 'enquiry.tariff',
        kind: 'article',
        scenario: 'outage_enquiry',
        drafts: 'false',
        page: '1',
        pageSize: '10',
      },
    },
    'GET /api/knowledge/articles': {
      query: { state: 'published', kind: 'script', mine: 'false', page: '1', pageSize: '20' },
    },
    'GET /api/knowledge/categories': {},
    'POST /api/knowledge/categories': {
      body: { name: '电价电费', parentId: unknownId(), position: 1 },
    },
    'PATCH /api/knowledge/categories/{id}': {
      params: { id: unknownId() },
      body: { version: 1, name: '电价', parentId: null, position: 2 },
    },
    'POST /api/knowledge/articles': {
      body: {
        kind: 'script',
        scenario: 'outage_enquiry',
        title: '停电咨询话术',
        body: '## 开场\n\n您好，请问有什么可以帮您？\n\n- 核实地址\n- 查询停电信息',
        summary: '停电来电时使用',
        tags: ['停电', '话术'],
        audience: 'agents',
        categoryId: unknownId(),
        orderTypes: ['enquiry.outage_info', 'fault'],
        effectiveFrom: '2026-11-01T00:00:00+08:00',
        expiresAt: '2027-11-01T00:00:00+08:00',
        changeNote: '首版',
      },
    },
    'POST /api/knowledge/preview': { body: { body: '# 标题\n\n正文 <b>粗</b>' } },
    'GET /api/knowledge/articles/{id}': { params: { id: unknownId() }, query: { version: '1' } },
    'PUT /api/knowledge/articles/{id}': {
      params: { id: unknownId() },
      body: {
        version: 1,
        title: '改标题',
        body: '新正文',
        summary: null,
        tags: ['电价'],
        audience: 'public',
        categoryId: null,
        orderTypes: ['enquiry'],
        effectiveFrom: null,
        expiresAt: '2027-01-01T00:00:00+08:00',
        changeNote: '更新',
      },
    },
    'POST /api/knowledge/articles/{id}/submit': {
      params: { id: unknownId() },
      body: { version: 1 },
    },
    'POST /api/knowledge/articles/{id}/approve': {
      params: { id: unknownId() },
      body: { version: 1 },
    },
    'POST /api/knowledge/articles/{id}/reject': {
      params: { id: unknownId() },
      body: { version: 1, reason: '内容需补充' },
    },
    'POST /api/knowledge/articles/{id}/expire': {
      params: { id: unknownId() },
      body: { version: 1, reason: '政策调整' },
    },
    'GET /api/knowledge/articles/{id}/versions': { params: { id: unknownId() } },
    'GET /api/knowledge/articles/{id}/diff': {
      params: { id: unknownId() },
      query: { from: '1', to: '2' },
    },
    'POST /api/knowledge/articles/{id}/vote': {
      params: { id: unknownId() },
      body: { vote: 'unhelpful' },
    },
    'POST /api/knowledge/articles/{id}/usage': {
      params: { id: unknownId() },
      body: { kind: 'answered', query: '停电', contactId: unknownId() },
    },
    'GET /api/public/knowledge': {
      query: { q: '电费', unit: 'SF', page: '1', pageSize: '10' },
    },
    'GET /api/public/knowledge/{id}': { params: { id: unknownId() }, query: { unit: 'SF' } },
  };
}
