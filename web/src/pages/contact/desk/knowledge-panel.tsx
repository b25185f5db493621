/**
 * The knowledge panel of the desk: the knowledge search, and the article opened in place (not
 * on another page: the caller is on the line). "Answer with this" marks the article as the one
 * the enquiry was answered with, for the wrap-up.
 */
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { KnowledgeSearchHit } from '../../../../../common/schemas/knowledge.ts';
import { useKnowledgeArticle, useLiveKnowledge } from '../../../api/knowledge.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ArticleBody } from '../../knowledge/article-page.tsx';
import { KnowledgeSearchPanel } from '../../knowledge/search-panel.tsx';

export interface UsedArticle {
  id: string;
  title: string;
}

function ArticleInPlace(props: {
  hit: KnowledgeSearchHit;
  used: boolean;
  /** Absent while no call is on the desk: there is nobody to answer. */
  onUse?: ((a: UsedArticle) => void) | undefined;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const article = useKnowledgeArticle(props.hit.id);
  return (
    <div data-testid="desk-article">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button size="small" icon={<ArrowLeftOutlined />} onClick={props.onBack}>
          {t('contact.desk.backToResults')}
        </Button>
        {props.onUse && (
          <Button
            size="small"
            type={props.used ? 'default' : 'primary'}
            icon={<CheckOutlined />}
            disabled={props.used}
            onClick={() => props.onUse?.({ id: props.hit.id, title: props.hit.title })}
            data-testid="desk-use-article"
          >
            {props.used ? t('contact.desk.articleUsed') : t('contact.desk.useArticle')}
          </Button>
        )}
        <Link to={`/knowledge/${props.hit.id}`} target="_blank">
          {t('contact.desk.openArticle')}
        </Link>
      </Space>
      <Typography.Title level={5}>{props.hit.title}</Typography.Title>
      {article.data ? <ArticleBody html={article.data.shown.bodyHtml} /> : <Spin />}
    </div>
  );
}

export function KnowledgePanel(props: {
  used: UsedArticle | null;
  onUse?: (a: UsedArticle) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<KnowledgeSearchHit | null>(null);
  // The article open beside the call follows a publication too (the search panel may be hidden).
  useLiveKnowledge();
  return (
    <Card size="small" title={t('contact.desk.knowledge')} data-testid="desk-knowledge">
      {/* Kept mounted under the article, so going back shows the same results. */}
      <div style={{ display: open ? 'none' : undefined }}>
        <KnowledgeSearchPanel compact onOpen={setOpen} />
      </div>
      {open && (
        <ArticleInPlace
          hit={open}
          used={props.used?.id === open.id}
          onUse={props.onUse}
          onBack={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
