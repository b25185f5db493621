import { CloudUploadOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Tooltip,
} from 'antd';
import { DEFAULT_THRESHOLDS } from '../../../../common/orders/sla.ts';
import { useEffect, useMemo, useState } from 'react';
import type { Taxonomy } from '../../../../common/orders/taxonomy.ts';
import { ApiError } from '../../api/client.ts';
import {
  usePublishTaxonomy,
  useTaxonomy,
  type TaxonomyVersionData,
} from '../../api/order-settings.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NodeEditor } from './node-editor.tsx';
import { PublishModal } from './publish-modal.tsx';
import { SubtypeModal } from './subtype-modal.tsx';
import {
  addSubtype,
  detailLines,
  findNode,
  nodeKey,
  removeSubtype,
  updateNode,
} from './taxonomy-draft.ts';
import { TaxonomyTree } from './taxonomy-tree.tsx';

interface Draft {
  base: number;
  original: Taxonomy;
  taxonomy: Taxonomy;
}
const draftOf = (v: TaxonomyVersionData): Draft => ({
  base: v.version,
  original: v.taxonomy,
  taxonomy: v.taxonomy,
});

// The errors a publish answers with that belong on the page, with their details, not in a toast.
const SHOWN_ERRORS = new Set(['VERSION_CONFLICT', 'TAXONOMY_INVALID', 'VALIDATION_FAILED']);

/**
 * 业务分类: edits a draft of the latest taxonomy and publishes it as a new version. Older
 * versions are shown read-only; orders keep the version they were accepted under.
 */
export function TaxonomyTab() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const latest = useTaxonomy();
  const publish = usePublishTaxonomy();
  // The version edited from, its published taxonomy, and the edited copy.
  const [draft, setDraft] = useState<Draft | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [selected, setSelected] = useState(nodeKey('fault'));
  // Bumped when the draft is replaced from outside, so the node form starts afresh.
  const [revision, setRevision] = useState(0);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const latestData = latest.data;
  const dirty = draft !== null && JSON.stringify(draft.taxonomy) !== JSON.stringify(draft.original);
  const readOnly = viewing !== null && viewing !== draft?.base;
  const old = useTaxonomy(viewing ?? undefined, readOnly);

  const reload = () => {
    if (!latestData) return;
    setDraft(draftOf(latestData));
    setViewing(null);
    setError(null);
    setRevision((r) => r + 1);
  };
  // Start from the latest version, and follow it while there are no edits of our own. Runs only
  // when the latest changes: a local edit must not be overwritten.
  useEffect(() => {
    if (latestData && (draft === null || (!dirty && draft.base !== latestData.version))) reload();
  }, [latestData]);

  const shown = readOnly ? old.data?.taxonomy : draft?.taxonomy;
  // A subtype that another version lacks falls back to its type.
  const typeKey = selected.split('/')[0]!;
  const key = shown && !findNode(shown, selected) ? typeKey : selected;
  const node = shown ? findNode(shown, key) : null;
  const parent = shown && key !== typeKey ? findNode(shown, typeKey) : null;
  const addingType = useMemo(
    () => draft?.taxonomy.types.find((x) => x.code === addingTo) ?? null,
    [draft, addingTo],
  );

  if (latest.isPending) return <Spin />;
  if (latest.isError) return <Alert type="error" showIcon message={latest.error.message} />;
  if (!draft) return null;

  const edit = (next: Taxonomy) => setDraft({ ...draft, taxonomy: next });
  const versions = Array.from({ length: latest.data.version }, (_, i) => latest.data.version - i);
  const view = readOnly ? old.data : draft.base === latest.data.version ? latest.data : undefined;

  const onPublish = (note: string | undefined) =>
    publish.mutate(
      { baseVersion: draft.base, note, taxonomy: draft.taxonomy },
      {
        onSuccess: (published) => {
          setDraft(draftOf(published));
          setViewing(null);
          setError(null);
          setPublishing(false);
          setRevision((r) => r + 1);
          void message.success(t('orderSettings.published', { n: published.version }));
        },
        onError: (e) => {
          setPublishing(false);
          if (e instanceof ApiError && SHOWN_ERRORS.has(e.code)) setError(e);
          else notifyError(e);
        },
      },
    );

  // A conflict names the version published in between; anything else lists what is wrong.
  const errorLines = (e: ApiError): string[] => {
    const current = (e.details as { current?: unknown } | undefined)?.current;
    if (e.code === 'VERSION_CONFLICT') {
      return typeof current === 'number'
        ? [t('orderSettings.conflict', { n: current, base: draft.base })]
        : [];
    }
    return detailLines(e.details, draft.taxonomy, pick);
  };

  const levels = shown?.thresholds ?? DEFAULT_THRESHOLDS;
  const setLevel = (which: 'warning' | 'critical', percent: number | null) => {
    if (percent === null) return;
    const next = { ...levels, [which]: Math.round(percent * 10) / 1000 };
    edit({ ...draft.taxonomy, thresholds: next });
  };
  // One warning level as a percentage of the limit (a function, not a component: a component
  // made in render would remount, and lose focus, on every keystroke).
  const levelInput = (which: 'warning' | 'critical', step: number) => (
    <InputNumber
      size="small"
      min={1}
      max={99}
      step={step}
      value={Math.round(levels[which] * 1000) / 10}
      onChange={(v) => setLevel(which, v)}
      disabled={readOnly}
      addonAfter="%"
      style={{ width: 100 }}
      data-testid={`threshold-${which}`}
    />
  );
  const toolbar = (
    <Space wrap>
      <Tooltip title={t('orderSettings.thresholds.help')}>
        <Space size={4}>
          {t('orderSettings.thresholds.warning')}
          {levelInput('warning', 5)}
          {t('orderSettings.thresholds.critical')}
          {levelInput('critical', 1)}
        </Space>
      </Tooltip>
      <Select
        style={{ width: 180 }}
        value={viewing ?? draft.base}
        onChange={(v: number) => setViewing(v === draft.base ? null : v)}
        options={versions.map((v) => ({
          value: v,
          label:
            v === latest.data.version
              ? t('orderSettings.version.latest', { n: v })
              : t('orderSettings.version', { n: v }),
        }))}
        data-testid="taxonomy-version-select"
      />
      {readOnly && <Tag color="orange">{t('orderSettings.version.readOnly')}</Tag>}
      {!readOnly && dirty && <Tag color="blue">{t('orderSettings.unsaved')}</Tag>}
      {!readOnly && (
        <Button icon={<UndoOutlined />} disabled={!dirty} onClick={reload}>
          {t('orderSettings.discard')}
        </Button>
      )}
      {!readOnly && (
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!dirty}
          onClick={() => setPublishing(true)}
          data-testid="taxonomy-publish"
        >
          {t('orderSettings.publish')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Row justify="space-between" align="middle" gutter={[12, 12]}>
        <Col data-testid="taxonomy-version" data-version={view?.version ?? viewing ?? ''}>
          {view
            ? t('orderSettings.version.info', {
                n: view.version,
                at: formatDateTime(view.createdAt),
                note: view.note ?? '—',
              })
            : t('orderSettings.version.draftOf', { n: draft.base })}
        </Col>
        <Col>{toolbar}</Col>
      </Row>
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          message={error.message}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errorLines(error).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          }
          action={
            error.code === 'VERSION_CONFLICT' ? (
              <Button size="small" danger onClick={reload}>
                {t('orderSettings.reloadLatest')}
              </Button>
            ) : undefined
          }
          data-testid="taxonomy-error"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={6} xl={5}>
          <Card size="small" title={t('orderSettings.tree')}>
            {shown ? (
              <TaxonomyTree
                taxonomy={shown}
                selectedKey={key}
                onSelect={setSelected}
                readOnly={readOnly}
                onAddSubtype={setAddingTo}
                onRemoveSubtype={(type, code) => {
                  edit(removeSubtype(draft.taxonomy, type, code));
                  setSelected(nodeKey(type));
                }}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18} xl={19}>
          <Card size="small">
            {node ? (
              <NodeEditor
                key={`${readOnly ? `v${viewing}` : `draft${revision}`}:${key}`}
                node={node}
                parentName={parent ? pick(parent.name) : null}
                readOnly={readOnly}
                onChange={(patch) => edit(updateNode(draft.taxonomy, key, patch))}
              />
            ) : (
              <Empty description={t('orderSettings.pickNode')} />
            )}
          </Card>
        </Col>
      </Row>
      <SubtypeModal
        type={addingType}
        onClose={() => setAddingTo(null)}
        onAdd={(v) => {
          if (!addingTo) return;
          edit(addSubtype(draft.taxonomy, addingTo, v));
          setSelected(nodeKey(addingTo, v.code));
          setAddingTo(null);
        }}
      />
      <PublishModal
        open={publishing}
        baseVersion={draft.base}
        pending={publish.isPending}
        onPublish={onPublish}
        onClose={() => setPublishing(false)}
      />
    </Space>
  );
}
