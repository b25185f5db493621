import { Alert, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type {
  KnowledgeDiff,
  KnowledgeVersionSummary,
} from '../../../../common/schemas/knowledge.ts';
import { useKnowledgeDiff, useKnowledgeVersions } from '../../api/knowledge.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StateTag } from './labels.tsx';

/** What changed between two versions: the fields, then the body with insertions and deletions. */
export function DiffView({ diff }: { diff: KnowledgeDiff }) {
  const { t } = useI18n();
  if (diff.fields.length === 0 && diff.body.every((p) => p.kind === 'same'))
    return <Alert type="info" message={t('knowledge.versions.same')} />;
  return (
    <div data-testid="kb-diff">
      {diff.fields.length > 0 && (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          style={{ marginBottom: 12 }}
          title={() => t('knowledge.versions.fields')}
          dataSource={diff.fields}
          columns={[
            { dataIndex: 'field', width: 120 },
            { dataIndex: 'from', render: (v: string) => <del>{v || '—'}</del> },
            { dataIndex: 'to', render: (v: string) => <ins>{v || '—'}</ins> },
          ]}
          showHeader={false}
        />
      )}
      <div className="lx-kb-diff">
        {diff.body.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
    </div>
  );
}

/** The versions of an article, and the difference between any two of them. */
export function VersionHistory({
  articleId,
  onShow,
}: {
  articleId: string;
  onShow: (no: number) => void;
}) {
  const { t } = useI18n();
  const versions = useKnowledgeVersions(articleId);
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? items[1]?.no ?? null;
  const b = to ?? items[0]?.no ?? null;
  const diff = useKnowledgeDiff(articleId, a, b);
  const options = items.map((v) => ({ value: v.no, label: t('knowledge.version', { n: v.no }) }));
  return (
    <>
      <Table<KnowledgeVersionSummary>
        size="small"
        rowKey="no"
        loading={versions.isLoading}
        pagination={false}
        dataSource={items}
        data-testid="kb-versions"
        showHeader={false}
        columns={[
          {
            dataIndex: 'no',
            width: 90,
            render: (no: number) => (
              <Typography.Link onClick={() => onShow(no)}>
                {t('knowledge.version', { n: no })}
              </Typography.Link>
            ),
          },
          { width: 100, render: (_, v) => <StateTag state={v.state} /> },
          { dataIndex: 'title' },
          { dataIndex: 'changeNote', render: (n: string | null) => n ?? '' },
          {
            width: 260,
            render: (_, v) =>
              t('knowledge.versions.by', { name: v.createdBy, at: formatDateTime(v.createdAt) }),
          },
        ]}
      />
      {items.length < 2 ? null : (
        <div style={{ marginTop: 16 }}>
          <Space style={{ marginBottom: 12 }}>
            {t('knowledge.versions.from')}
            <Select
              value={a}
              options={options}
              onChange={setFrom}
              style={{ width: 110 }}
              data-testid="kb-diff-from"
            />
            {t('knowledge.versions.to')}
            <Select
              value={b}
              options={options}
              onChange={setTo}
              style={{ width: 110 }}
              data-testid="kb-diff-to"
            />
          </Space>
          {a === null || b === null || a === b ? (
            <Empty description={t('knowledge.versions.pick')} />
          ) : diff.data ? (
            <DiffView diff={diff.data} />
          ) : null}
        </div>
      )}
    </>
  );
}
