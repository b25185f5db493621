import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Result,
  Space,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  orderTypeName,
  type KnowledgeArticleDetail,
} from '../../../../common/schemas/knowledge.ts';
import { useKnowledgeArticle, useKnowledgeVote, useLiveKnowledge } from '../../api/knowledge.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { ArticleActions } from './article-actions.tsx';
import { AudienceTag, StateTag, scenarioLabel } from './labels.tsx';
import { VersionHistory } from './version-history.tsx';
import './knowledge.css';

/** The sanitized HTML body the server stored (rendered and cleaned there, never here). */
export function ArticleBody({ html }: { html: string }) {
  return (
    <div className="lx-kb-body" data-testid="kb-body" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

function Votes({ article }: { article: KnowledgeArticleDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const vote = useKnowledgeVote(article.id);
  const cast = (helpful: boolean) =>
    vote.mutate(article.myVote === helpful ? null : helpful, {
      onSuccess: () => void message.success(t('knowledge.voted')),
      onError: notifyError,
    });
  return (
    <Space>
      <Button
        icon={<LikeOutlined />}
        type={article.myVote === true ? 'primary' : 'default'}
        onClick={() => cast(true)}
        data-testid="kb-vote-up"
      >
        {t('knowledge.helpful')} {article.counts.helpful}
      </Button>
      <Button
        icon={<DislikeOutlined />}
        type={article.myVote === false ? 'primary' : 'default'}
        danger={article.myVote === false}
        onClick={() => cast(false)}
        data-testid="kb-vote-down"
      >
        {t('knowledge.unhelpful')} {article.counts.unhelpful}
      </Button>
      <Typography.Text type="secondary">
        {t('knowledge.uses', { n: article.counts.uses })}
      </Typography.Text>
    </Space>
  );
}

/** One article: its content (or a chosen version), votes, flow actions, versions and events. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const [version, setVersion] = useState<number | undefined>();
  const [tab, setTab] = useState('content');
  const q = useKnowledgeArticle(id, version);
  useLiveKnowledge();
  if (q.isLoading) return <Spin />;
  if (q.isError || !q.data)
    return <Result status="404" title="404" subTitle={q.error?.message ?? ''} />;
  const a = q.data;
  const v = a.shown;
  const current = version === undefined;
  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="kb-title">{v.title}</span>
          <StateTag state={current ? a.state : v.state} />
          {a.workingState && a.state !== a.workingState && <StateTag state={a.workingState} />}
          {a.kind === 'script' && a.scenario && (
            <Tag color="purple">{scenarioLabel(a.scenario, pick)}</Tag>
          )}
          {a.demo && <Tag color="orange">{t('knowledge.demo')}</Tag>}
        </Space>
      }
      extra={current && <ArticleActions article={a} />}
    >
      {!current && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('knowledge.viewingVersion', { n: v.no })}
          action={
            <Button size="small" onClick={() => setVersion(undefined)}>
              {t('knowledge.backToLive')}
            </Button>
          }
        />
      )}
      {current && v.state === 'draft' && v.rejectReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('knowledge.rejectedBecause', { reason: v.rejectReason })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'content',
            label: t('knowledge.tab.content'),
            children: (
              <>
                <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('knowledge.category')}>
                    {v.category?.name ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('knowledge.audience')}>
                    <AudienceTag audience={v.audience} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('knowledge.unit')}>{a.unit.name}</Descriptions.Item>
                  <Descriptions.Item label={t('knowledge.effectiveFrom')}>
                    {formatDateTime(v.effectiveFrom)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('knowledge.expiresAt')}>
                    {formatDateTime(v.expiresAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('knowledge.version', { n: '' }).trim()}>
                    {v.no}
                    {a.liveNo !== null && a.liveNo !== v.no
                      ? ` (${t('knowledge.liveVersion', { n: a.liveNo })})`
                      : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('knowledge.tags')} span={3}>
                    {v.tags.map((tag) => (
                      <Tag key={tag}>{tag}</Tag>
                    ))}
                  </Descriptions.Item>
                  {v.orderTypes.length > 0 && (
                    <Descriptions.Item label={t('knowledge.orderTypes')} span={3}>
                      {v.orderTypes.map((k) => (
                        <Tag key={k} color="geekblue">
                          {orderTypeName(k, lang)}
                        </Tag>
                      ))}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                {v.summary && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
                    {v.summary}
                  </Typography.Paragraph>
                )}
                <ArticleBody html={v.bodyHtml} />
                <div style={{ marginTop: 24 }}>
                  <Votes article={a} />
                </div>
              </>
            ),
          },
          {
            key: 'versions',
            label: <span data-testid="kb-tab-versions">{t('knowledge.tab.versions')}</span>,
            children: tab === 'versions' && (
              <VersionHistory
                articleId={a.id}
                onShow={(no) => {
                  setVersion(no === a.liveNo ? undefined : no);
                  setTab('content');
                }}
              />
            ),
          },
          {
            key: 'events',
            label: t('knowledge.tab.events'),
            children: (
              <Timeline
                items={a.events.map((e) => ({
                  children: (
                    <>
                      <Typography.Text strong>
                        {t(`knowledge.event.${e.action}` as MessageKey)}
                      </Typography.Text>{' '}
                      {t('knowledge.version', { n: e.versionNo })} · {e.actorName} ·{' '}
                      {formatDateTime(e.at)}
                      {e.note && <div>{e.note}</div>}
                    </>
                  ),
                }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
