import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Tabs,
  TreeSelect,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_AUDIENCE_LABELS,
  type KnowledgeArticleDetail,
  type KnowledgeAudience,
  type KnowledgeKind,
  type ScriptScenario,
} from '../../../../common/schemas/knowledge.ts';
import {
  previewKnowledgeBody,
  useCreateKnowledgeArticle,
  useKnowledgeArticle,
  useKnowledgeCategories,
  useUpdateKnowledgeArticle,
} from '../../api/knowledge.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { beijingIso, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ArticleBody } from './article-page.tsx';
import { categoryTree } from './category-tree.ts';
import { useOrderTypeOptions, useScenarioOptions } from './labels.tsx';

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

interface Values {
  kind: KnowledgeKind;
  scenario?: ScriptScenario;
  title: string;
  summary?: string;
  body: string;
  tags: string[];
  audience: KnowledgeAudience;
  categoryId?: string;
  orderTypes: string[];
  effectiveFrom?: Dayjs | null;
  expiresAt?: Dayjs | null;
  changeNote?: string;
}

/** A picked Beijing wall-clock time as ISO with the +08:00 offset; null for none. */
const iso = (v: Dayjs | null | undefined) => (v ? beijingIso(v.second(0)) : null);
/** An instant as a picker value on the Beijing wall clock, whatever the browser's zone. */
const wall = (s: string | null) => (s ? dayjs(formatDateTime(s)) : null);

function valuesOf(a: KnowledgeArticleDetail): Values {
  const v = a.shown;
  return {
    kind: a.kind,
    scenario: a.scenario ?? undefined,
    title: v.title,
    summary: v.summary ?? undefined,
    body: v.body,
    tags: v.tags,
    audience: v.audience,
    categoryId: v.category?.id,
    orderTypes: v.orderTypes,
    effectiveFrom: wall(v.effectiveFrom),
    expiresAt: wall(v.expiresAt),
  };
}

/** The Markdown body with a preview rendered by the server, exactly as it will be stored. */
function BodyField({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState('write');
  const [html, setHtml] = useState('');
  const notifyError = useNotifyError();
  return (
    <Tabs
      activeKey={tab}
      size="small"
      onChange={(k) => {
        setTab(k);
        if (k === 'preview')
          previewKnowledgeBody(value ?? '').then((p) => setHtml(p.html), notifyError);
      }}
      items={[
        {
          key: 'write',
          label: t('knowledge.write'),
          children: (
            <Input.TextArea
              value={value}
              onChange={(e) => onChange?.(e.target.value)}
              autoSize={{ minRows: 12, maxRows: 30 }}
              data-testid="kb-editor-body"
            />
          ),
        },
        {
          key: 'preview',
          label: <span data-testid="kb-editor-preview">{t('knowledge.preview')}</span>,
          children: <ArticleBody html={html} />,
        },
      ]}
    />
  );
}

/**
 * Writing an article or script: a new draft, or the working draft of an existing one (editing
 * a published article opens a new version; the published one stays live until approved).
 */
export function EditorPage() {
  const { id } = useParams();
  const existing = useKnowledgeArticle(id ?? '', undefined);
  if (id && existing.isLoading) return <Spin />;
  return <Editor article={id ? existing.data : undefined} />;
}

function Editor({ article }: { article: KnowledgeArticleDetail | undefined }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const categories = useKnowledgeCategories();
  const orderTypes = useOrderTypeOptions();
  const scenarios = useScenarioOptions();
  const create = useCreateKnowledgeArticle();
  const update = useUpdateKnowledgeArticle(article?.id ?? '');
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (article) form.setFieldsValue(valuesOf(article));
  }, [article, form]);

  const save = (v: Values) => {
    const fields = {
      title: v.title.trim(),
      body: v.body,
      summary: v.summary?.trim() || null,
      tags: v.tags,
      audience: v.audience,
      categoryId: v.categoryId ?? null,
      orderTypes: v.orderTypes,
      effectiveFrom: iso(v.effectiveFrom),
      expiresAt: iso(v.expiresAt),
      ...(v.changeNote?.trim() ? { changeNote: v.changeNote.trim() } : {}),
    };
    const done = (a: KnowledgeArticleDetail) => {
      void message.success(t('knowledge.saved'));
      void navigate(`/knowledge/${a.id}`);
    };
    if (article)
      update.mutate(
        {
          version: article.version,
          ...fields,
          ...(article.kind === 'script' && v.scenario ? { scenario: v.scenario } : {}),
        },
        { onSuccess: done, onError: notifyError },
      );
    else
      create.mutate(
        {
          kind: v.kind,
          scenario: v.kind === 'script' ? (v.scenario ?? null) : null,
          ...fields,
        },
        { onSuccess: done, onError: notifyError },
      );
  };

  return (
    <Card
      title={
        article ? `${t('knowledge.action.edit')} · ${article.shown.title}` : t('knowledge.new')
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'article', audience: 'agents', tags: [], orderTypes: [] }}
        onFinish={save}
        data-testid="kb-editor"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('knowledge.kind')}>
              <Radio.Group disabled={article !== undefined}>
                <Radio.Button value="article">{t('knowledge.kind.article')}</Radio.Button>
                <Radio.Button value="script">{t('knowledge.kind.script')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
          </Col>
          {kind === 'script' && (
            <Col xs={24} md={8}>
              <Form.Item
                name="scenario"
                label={t('knowledge.scenario')}
                rules={[{ required: true }]}
              >
                <Select options={scenarios} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="audience" label={t('knowledge.audience')}>
              <Radio.Group>
                {KNOWLEDGE_AUDIENCES.map((a) => (
                  <Radio key={a} value={a} data-testid={`kb-editor-audience-${a}`}>
                    {pick(KNOWLEDGE_AUDIENCE_LABELS[a])}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('knowledge.title')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="kb-editor-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('knowledge.summary')} rules={[{ max: 500 }]}>
          <Input data-testid="kb-editor-summary" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('knowledge.body')}
          extra={t('knowledge.bodyHelp')}
          rules={[{ required: true, whitespace: true, max: 50_000 }]}
        >
          <BodyField />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="categoryId" label={t('knowledge.category')}>
              <TreeSelect
                allowClear
                treeDefaultExpandAll
                treeData={categoryTree(categories.data?.items ?? [])}
                data-testid="kb-editor-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tags" label={t('knowledge.tags')}>
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} data-testid="kb-editor-tags" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orderTypes" label={t('knowledge.orderTypes')}>
              <Select mode="multiple" optionFilterProp="label" options={orderTypes} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="effectiveFrom" label={t('knowledge.effectiveFrom')}>
              <DatePicker showTime format={PICKER_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="expiresAt" label={t('knowledge.expiresAt')}>
              <DatePicker showTime format={PICKER_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {article && (
          <Form.Item name="changeNote" label={t('knowledge.changeNote')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        )}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="kb-editor-save"
          >
            {t('knowledge.save')}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t('knowledge.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
