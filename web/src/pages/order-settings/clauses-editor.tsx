import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AREA_CLASSES, AREA_CLASS_LABELS } from '../../../../common/customers/codes.ts';
import { COMPLAINT_GRADE_LABELS } from '../../../../common/orders/fields.ts';
import {
  COMPLAINT_GRADES,
  SLA_STEP_LABELS,
  SLA_STEPS,
  URGENCIES,
  URGENCY_LABELS,
  type SlaClause,
  type SlaLimit,
} from '../../../../common/orders/sla.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { limitText, whenText } from './labels.ts';

type When = NonNullable<SlaClause['when']>;
type Row = SlaClause & { index: number };

const MAX: Record<SlaLimit['unit'], number> = { minutes: 525_600, working_days: 365 };

/** A clause as the API takes it: no table index, and no `when` that says nothing. */
function clauseOf(step: SlaClause['step'], limit: SlaLimit, when: When | undefined): SlaClause {
  return when && Object.keys(when).length > 0 ? { step, limit, when } : { step, limit };
}

/** Drops empty conditions, so that "any" is stored as no condition at all. */
function withWhen(clause: SlaClause, key: keyof When, values: string[]): SlaClause {
  const when: Record<string, string[]> = { ...clause.when, [key]: values };
  for (const k of Object.keys(when)) if (when[k]?.length === 0) delete when[k];
  return clauseOf(clause.step, clause.limit, when);
}

/**
 * The time-limit clauses of a (sub)type or a unit's rule. For each step the first clause whose
 * conditions hold wins, so order matters: specific clauses (城区, 紧急) go above the general one.
 */
export function ClausesEditor(props: {
  /** Given by the Form.Item around it. */
  value?: SlaClause[];
  onChange?: (next: SlaClause[]) => void;
  readOnly?: boolean;
}) {
  const { t, pick, lang } = useI18n();
  const { value = [], onChange } = props;
  const readOnly = props.readOnly || !onChange;
  // The rows carry their index for the table; clauseOf leaves it out.
  const set = (index: number, row: SlaClause) =>
    onChange?.(value.map((c, i) => (i === index ? clauseOf(row.step, row.limit, row.when) : c)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [c] = next.splice(index, 1);
    if (c) next.splice(index + by, 0, c);
    onChange?.(next);
  };
  const conditionSelect = <K extends keyof When>(
    key: K,
    options: readonly string[],
    label: (v: string) => string,
  ) => ({
    title: t(`orderSettings.when.${key}`),
    key,
    width: 115,
    render: (_: unknown, c: Row) => (
      <Select
        mode="multiple"
        size="small"
        maxTagCount="responsive"
        style={{ width: '100%' }}
        placeholder={t('orderSettings.when.any')}
        value={c.when?.[key] ?? []}
        options={options.map((o) => ({ value: o, label: label(o) }))}
        onChange={(v: string[]) => set(c.index, withWhen(c, key, v))}
      />
    ),
  });

  const editColumns: ColumnsType<Row> = [
    {
      title: t('orderSettings.clause.step'),
      key: 'step',
      width: 125,
      render: (_, c) => (
        <Select
          size="small"
          style={{ width: '100%' }}
          value={c.step}
          options={SLA_STEPS.map((s) => ({ value: s, label: pick(SLA_STEP_LABELS[s]) }))}
          onChange={(step) => set(c.index, { ...c, step })}
        />
      ),
    },
    {
      title: t('orderSettings.clause.limit'),
      key: 'limit',
      width: 235,
      render: (_, c) => (
        <Space size={4}>
          <Space.Compact size="small">
            <InputNumber
              min={1}
              max={MAX[c.limit.unit]}
              precision={0}
              style={{ width: 66 }}
              value={c.limit.amount}
              onChange={(n) => n && set(c.index, { ...c, limit: { ...c.limit, amount: n } })}
            />
            <Select
              style={{ width: 88 }}
              value={c.limit.unit}
              options={[
                { value: 'minutes', label: t('orderSettings.unit.minutes') },
                { value: 'working_days', label: t('orderSettings.unit.workingDays') },
              ]}
              onChange={(unit: SlaLimit['unit']) =>
                set(c.index, {
                  ...c,
                  limit: { unit, amount: Math.min(c.limit.amount, MAX[unit]) },
                })
              }
            />
          </Space.Compact>
          <Typography.Text
            type="secondary"
            style={{ whiteSpace: 'nowrap' }}
            data-testid="clause-limit-text"
          >
            {limitText(c.limit, lang)}
          </Typography.Text>
        </Space>
      ),
    },
    conditionSelect('areaClass', AREA_CLASSES, (v) =>
      pick(AREA_CLASS_LABELS[v as (typeof AREA_CLASSES)[number]]),
    ),
    conditionSelect('urgency', URGENCIES, (v) =>
      pick(URGENCY_LABELS[v as (typeof URGENCIES)[number]]),
    ),
    conditionSelect('grade', COMPLAINT_GRADES, (v) =>
      pick(COMPLAINT_GRADE_LABELS[v as (typeof COMPLAINT_GRADES)[number]]),
    ),
    {
      key: 'actions',
      width: 84,
      render: (_, c) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={c.index === 0}
            title={t('orderSettings.clause.up')}
            onClick={() => move(c.index, -1)}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={c.index === value.length - 1}
            title={t('orderSettings.clause.down')}
            onClick={() => move(c.index, 1)}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            title={t('orderSettings.clause.remove')}
            onClick={() => onChange?.(value.filter((_, i) => i !== c.index))}
          />
        </Space>
      ),
    },
  ];
  const readColumns: ColumnsType<Row> = [
    {
      title: t('orderSettings.clause.step'),
      key: 'step',
      width: 160,
      render: (_, c) => pick(SLA_STEP_LABELS[c.step]),
    },
    {
      title: t('orderSettings.clause.limit'),
      key: 'limit',
      width: 140,
      render: (_, c) => limitText(c.limit, lang),
    },
    {
      title: t('orderSettings.clause.when'),
      key: 'when',
      render: (_, c) => whenText(c.when, pick) || t('orderSettings.when.any'),
    },
  ];

  return (
    <div data-testid="sla-clauses">
      <Table<Row>
        size="small"
        rowKey="index"
        pagination={false}
        scroll={{ x: readOnly ? undefined : 790 }}
        columns={readOnly ? readColumns : editColumns}
        dataSource={value.map((c, index) => ({ ...c, index }))}
        locale={{ emptyText: t('orderSettings.clause.none') }}
      />
      {!readOnly && (
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          data-testid="clause-add"
          onClick={() =>
            onChange?.([...value, { step: 'total', limit: { unit: 'working_days', amount: 4 } }])
          }
        >
          {t('orderSettings.clause.add')}
        </Button>
      )}
    </div>
  );
}
