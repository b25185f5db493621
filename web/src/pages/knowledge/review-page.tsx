import { Card, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { KnowledgeArticleSummary } from '../../../../common/schemas/knowledge.ts';
import { useKnowledgeList } from '../../api/knowledge.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AudienceTag, StateTag } from './labels.tsx';

/** 知识审核: versions waiting for a reviewer, oldest submission first. */
export function ReviewPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useKnowledgeList({ state: 'review', page, pageSize: 20 });
  return (
    <Card title={t('knowledge.review.title')}>
      <Table<KnowledgeArticleSummary>
        rowKey="id"
        data-testid="kb-review-table"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('knowledge.review.empty')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('knowledge.title'),
            render: (_, a) => (
              <>
                <Link to={`/knowledge/${a.id}`}>{a.title}</Link>{' '}
                {a.demo && <Tag color="orange">{t('knowledge.demo')}</Tag>}
              </>
            ),
          },
          {
            title: t('knowledge.state'),
            width: 170,
            render: (_, a) => (
              <>
                <StateTag state={a.state} />
                {a.state !== 'review' && <StateTag state="review" />}
              </>
            ),
          },
          { title: t('knowledge.category'), width: 140, render: (_, a) => a.category?.name ?? '—' },
          {
            title: t('knowledge.audience'),
            width: 150,
            render: (_, a) => <AudienceTag audience={a.audience} />,
          },
          { title: t('knowledge.review.updatedBy'), dataIndex: 'updatedBy', width: 110 },
          {
            title: t('knowledge.review.submittedAt'),
            width: 160,
            render: (_, a) => formatDateTime(a.submittedAt),
          },
        ]}
      />
    </Card>
  );
}
