import { LikeOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Input, List, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_AUDIENCE_LABELS,
  type KnowledgeKind,
  type KnowledgeSearchHit,
  type ScriptScenario,
} from '../../../../common/schemas/knowledge.ts';
import {
  useKnowledgeCategories,
  useKnowledgeSearch,
  useLiveKnowledge,
  useRecordKnowledgeUse,
  type KnowledgeSearchParams,
} from '../../api/knowledge.ts';
import { useCan } from '../../components/session-context.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { categoryTree } from './category-tree.ts';
import { HighlightText } from './highlight-text.tsx';
import { AudienceTag, StateTag, scenarioLabel, useOrderTypeOptions } from './labels.tsx';
import './knowledge.css';

export interface KnowledgeSearchPanelProps {
  /** Words to start with (the desktop passes what the caller said, or nothing). */
  initialQuery?: string;
  /** Fixed filters the embedding page decides (e.g. the order type being created). */
  categoryId?: string;
  orderType?: string;
  kind?: KnowledgeKind;
  scenario?: ScriptScenario;
  /** Narrow layout for a side panel: fewer filters, shorter results. */
  compact?: boolean;
  /**
   * Called when the agent opens a result, after the use is counted. Without it the article
   * page opens; the desktop shows the article in place instead.
   */
  onOpen?: (hit: KnowledgeSearchHit) => void;
  pageSize?: number;
  style?: CSSProperties;
}

/**
 * The knowledge search: a box for the caller's question, filters, and ranked results with the
 * matched words marked. Opening a result counts as a use. Reused by the agent desktop's
 * knowledge panel (issue 7), hence its props.
 */
export function KnowledgeSearchPanel(props: KnowledgeSearchPanelProps) {
  const { t, pick } = useI18n();
  useLiveKnowledge();
  const recordUse = useRecordKnowledgeUse();
  const can = useCan();
  const navigate = useNavigate();
  const [input, setInput] = useState(props.initialQuery ?? '');
  const [q, setQ] = useState(props.initialQuery ?? '');
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<{
    categoryId?: string;
    audience?: string;
    orderType?: string;
    kind?: string;
    drafts?: boolean;
  }>({});
  // A filter fixed by the embedding page changed: start again from the first page.
  useEffect(() => setPage(1), [props.categoryId, props.orderType, props.kind, props.scenario]);
  const categories = useKnowledgeCategories();
  const orderTypes = useOrderTypeOptions();
  const editor = can('knowledge.edit') || can('knowledge.review');
  const pageSize = props.pageSize ?? (props.compact ? 5 : 10);
  const params: KnowledgeSearchParams = {
    q: q.trim() || undefined,
    categoryId: props.categoryId ?? filters.categoryId,
    audience: filters.audience,
    orderType: props.orderType ?? filters.orderType,
    kind: props.kind ?? filters.kind,
    scenario: props.scenario,
    drafts: filters.drafts ? 'true' : undefined,
    page,
    pageSize,
  };
  const result = useKnowledgeSearch(params);
  const set = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const open = (hit: KnowledgeSearchHit) => {
    // Counted, not awaited: opening must not wait for the count.
    if (hit.state === 'published')
      void recordUse(hit.id, {
        kind: 'opened',
        ...(q.trim() ? { query: q.trim() } : {}),
      }).catch(() => undefined);
    if (props.onOpen) props.onOpen(hit);
    else void navigate(`/knowledge/${hit.id}`);
  };

  return (
    <div style={props.style} data-testid="kb-search-panel">
      <Input.Search
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onSearch={(v) => {
          // The same words again: search again (an article may have been published since).
          if (v === q) void result.refetch();
          setQ(v);
          setPage(1);
        }}
        placeholder={t('knowledge.search.placeholder')}
        allowClear
        enterButton
        size={props.compact ? 'middle' : 'large'}
        data-testid="kb-search-input"
      />
      {!props.compact && (
        <Space wrap style={{ marginTop: 12 }}>
          {props.categoryId === undefined && (
            <TreeSelect
              allowClear
              placeholder={t('knowledge.filter.category')}
              style={{ width: 200 }}
              treeData={categoryTree(categories.data?.items ?? [])}
              value={filters.categoryId}
              onChange={(v: string | undefined) => set({ categoryId: v })}
              treeDefaultExpandAll
            />
          )}
          <Select
            allowClear
            placeholder={t('knowledge.filter.audience')}
            style={{ width: 160 }}
            value={filters.audience}
            onChange={(v: string | undefined) => set({ audience: v })}
            options={KNOWLEDGE_AUDIENCES.map((a) => ({
              value: a,
              label: pick(KNOWLEDGE_AUDIENCE_LABELS[a]),
            }))}
          />
          {props.orderType === undefined && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('knowledge.filter.orderType')}
              style={{ width: 240 }}
              value={filters.orderType}
              onChange={(v: string | undefined) => set({ orderType: v })}
              options={orderTypes}
            />
          )}
          {props.kind === undefined && (
            <Select
              allowClear
              placeholder={t('knowledge.filter.kind')}
              style={{ width: 120 }}
              value={filters.kind}
              onChange={(v: string | undefined) => set({ kind: v })}
              options={[
                { value: 'article', label: t('knowledge.kind.article') },
                { value: 'script', label: t('knowledge.kind.script') },
              ]}
            />
          )}
          {editor && (
            <Checkbox
              checked={filters.drafts ?? false}
              onChange={(e) => set({ drafts: e.target.checked })}
              data-testid="kb-search-drafts"
            >
              {t('knowledge.search.drafts')}
            </Checkbox>
          )}
        </Space>
      )}
      {result.data && result.data.words.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('knowledge.search.words', { words: result.data.words.join(' · ') })}
          {' · '}
          {t('knowledge.search.total', { n: result.data.total })}
        </Typography.Text>
      )}
      <List
        style={{ marginTop: 8 }}
        loading={result.isFetching && !result.data}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('knowledge.search.empty')} /> }}
        pagination={
          (result.data?.total ?? 0) > pageSize
            ? {
                current: page,
                pageSize,
                total: result.data?.total ?? 0,
                onChange: setPage,
                size: 'small',
                showSizeChanger: false,
              }
            : false
        }
        renderItem={(hit) => (
          <List.Item
            className="lx-kb-result"
            onClick={() => open(hit)}
            data-testid="kb-search-result"
            style={{ padding: '10px 8px', display: 'block' }}
          >
            <Space size={4} wrap>
              <Typography.Text strong style={{ fontSize: props.compact ? 14 : 16 }}>
                <HighlightText segments={hit.titleHighlight} />
              </Typography.Text>
              {hit.kind === 'script' && hit.scenario && (
                <Tag color="purple">{scenarioLabel(hit.scenario, pick)}</Tag>
              )}
              {hit.state !== 'published' && <StateTag state={hit.state} />}
              {hit.demo && <Tag color="orange">{t('knowledge.demo')}</Tag>}
            </Space>
            <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 4 }}>
              <HighlightText segments={hit.snippet} />
            </div>
            {!props.compact && (
              <Space size={8} wrap style={{ marginTop: 4, fontSize: 12 }}>
                {hit.category && <Tag>{hit.category.name}</Tag>}
                <AudienceTag audience={hit.audience} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('knowledge.updatedAt', { at: formatDateTime(hit.updatedAt) })}
                  {' · '}
                  {t('knowledge.uses', { n: hit.counts.uses })}
                  {' · '}
                  <LikeOutlined /> {hit.counts.helpful}
                </Typography.Text>
              </Space>
            )}
          </List.Item>
        )}
      />
    </div>
  );
}
