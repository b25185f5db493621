import { FolderAddOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Space,
  Table,
  Tabs,
  Tree,
  TreeSelect,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  KNOWLEDGE_STATE_LABELS,
  type KnowledgeArticleSummary,
} from '../../../../common/schemas/knowledge.ts';
import {
  useCreateKnowledgeCategory,
  useKnowledgeCategories,
  useKnowledgeList,
} from '../../api/knowledge.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { categoryTree } from './category-tree.ts';
import { AudienceTag, StateTag } from './labels.tsx';
import { KnowledgeSearchPanel } from './search-panel.tsx';

const STATES = ['draft', 'review', 'published', 'expired', 'all'] as const;

/** An editor's articles by state: drafts to finish, reviews pending, live, expired. */
function ManageTab() {
  const { t, pick } = useI18n();
  const [state, setState] = useState<(typeof STATES)[number]>('draft');
  const [page, setPage] = useState(1);
  const list = useKnowledgeList({ state, page, pageSize: 20 });
  return (
    <>
      <Segmented
        value={state}
        onChange={(v) => {
          setState(v);
          setPage(1);
        }}
        options={STATES.map((s) => ({
          value: s,
          label: s === 'all' ? t('knowledge.list.all') : pick(KNOWLEDGE_STATE_LABELS[s]),
        }))}
        style={{ marginBottom: 12 }}
      />
      <Table<KnowledgeArticleSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
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
            dataIndex: 'title',
            render: (title: string, a) => <Link to={`/knowledge/${a.id}`}>{title}</Link>,
          },
          {
            title: t('knowledge.state'),
            width: 180,
            render: (_, a) => (
              <Space size={4}>
                <StateTag state={a.state} />
                {a.workingState && a.state !== a.workingState && (
                  <StateTag state={a.workingState} />
                )}
              </Space>
            ),
          },
          { title: t('knowledge.category'), width: 140, render: (_, a) => a.category?.name ?? '—' },
          {
            title: t('knowledge.audience'),
            width: 150,
            render: (_, a) => <AudienceTag audience={a.audience} />,
          },
          {
            title: t('knowledge.review.updatedBy'),
            dataIndex: 'updatedBy',
            width: 110,
          },
          {
            title: t('knowledge.updatedAt', { at: '' }),
            width: 160,
            render: (_, a) => formatDateTime(a.updatedAt),
          },
        ]}
      />
    </>
  );
}

function NewCategoryButton() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; parentId?: string }>();
  const categories = useKnowledgeCategories();
  const create = useCreateKnowledgeCategory();
  return (
    <>
      <Button icon={<FolderAddOutlined />} onClick={() => setOpen(true)}>
        {t('knowledge.newCategory')}
      </Button>
      <Modal
        open={open}
        title={t('knowledge.newCategory')}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        onOk={() =>
          void form.validateFields().then((v) =>
            create.mutate(
              { name: v.name.trim(), parentId: v.parentId ?? null },
              {
                onSuccess: () => {
                  void message.success(t('knowledge.saved'));
                  form.resetFields();
                  setOpen(false);
                },
                onError: notifyError,
              },
            ),
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label={t('knowledge.categoryName')}
            rules={[{ required: true, max: 50 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="parentId" label={t('knowledge.parentCategory')}>
            <TreeSelect allowClear treeData={categoryTree(categories.data?.items ?? [])} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * 知识库: the category tree beside the search (what agents use), and for editors the articles
 * they work on by state.
 */
export function KnowledgePage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const categories = useKnowledgeCategories();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const editor = can('knowledge.edit') || can('knowledge.review');
  const tab = params.get('tab') === 'manage' && editor ? 'manage' : 'search';
  return (
    <Card
      title={t('menu.knowledge')}
      extra={
        can('knowledge.edit') && (
          <Space>
            <NewCategoryButton />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/knowledge/new')}
              data-testid="kb-new"
            >
              {t('knowledge.new')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'search' ? {} : { tab: k })}
        items={[
          {
            key: 'search',
            label: t('knowledge.tab.search'),
            children: (
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Card size="small" title={t('knowledge.filter.category')}>
                    {categories.data && (
                      <Tree
                        treeData={[
                          {
                            key: '',
                            title: t('knowledge.allCategories'),
                            children: categoryTree(categories.data.items),
                          },
                        ]}
                        defaultExpandAll
                        selectedKeys={[categoryId ?? '']}
                        onSelect={(keys) => {
                          const k = keys[0];
                          setCategoryId(typeof k === 'string' && k !== '' ? k : undefined);
                        }}
                        data-testid="kb-category-tree"
                      />
                    )}
                  </Card>
                </Col>
                <Col xs={24} md={18}>
                  <KnowledgeSearchPanel categoryId={categoryId} />
                </Col>
              </Row>
            ),
          },
          ...(editor
            ? [
                {
                  key: 'manage',
                  label: <span data-testid="kb-tab-manage">{t('knowledge.tab.manage')}</span>,
                  children: tab === 'manage' && <ManageTab />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
