import { Alert, Button, Col, Form, Input, Modal, Row, Space, Switch } from 'antd';
import { useEffect } from 'react';
import type { SlaClause } from '../../../../common/orders/sla.ts';
import type { OrderType, Taxonomy } from '../../../../common/orders/taxonomy.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useSlaRuleCommand, type SlaRuleData } from '../../api/order-settings.ts';
import { blankToNull } from '../../components/form-values.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ClausesEditor } from './clauses-editor.tsx';
import { typeCodesOf } from './labels.ts';
import { TypePicker, UnitPicker } from './pickers.tsx';

export type SlaRuleTarget = { mode: 'create' } | { mode: 'edit'; rule: SlaRuleData };

interface Values {
  unitId: string;
  type: string[];
  clauses: SlaClause[];
  deriveSteps: boolean;
  note?: string;
  active: boolean;
}

/** The taxonomy's clauses for a (sub)type, the subtype's first: a starting point to edit. */
function defaultClauses(taxonomy: Taxonomy | undefined, type: string[] | undefined): SlaClause[] {
  const node = taxonomy?.types.find((x) => x.code === type?.[0]);
  const sub = node?.subtypes.find((s) => s.code === type?.[1]);
  return [...(sub?.sla.clauses ?? []), ...(node?.sla.clauses ?? [])];
}

/** Creates a unit's time-limit rule or edits one; its unit and (sub)type are fixed once created. */
export function SlaRuleModal(props: {
  target: SlaRuleTarget | null;
  taxonomy: Taxonomy | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const command = useSlaRuleCommand();
  const notifyError = useNotifyError();
  const { target } = props;
  const rule = target?.mode === 'edit' ? target.rule : null;
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const r = target.mode === 'edit' ? target.rule : null;
    form.setFieldsValue({
      unitId: r?.unit.id,
      type: r ? [r.typeCode, ...(r.subtypeCode ? [r.subtypeCode] : [])] : undefined,
      clauses: r?.clauses ?? [{ step: 'total', limit: { unit: 'working_days', amount: 4 } }],
      deriveSteps: r?.deriveSteps ?? false,
      note: r?.note ?? '',
      active: r?.active ?? true,
    });
  }, [target, form]);

  const onError = (e: unknown) => {
    notifyError(e);
    if (isVersionConflict(e)) props.onClose();
  };
  const submit = (v: Values) => {
    const fields = { clauses: v.clauses, deriveSteps: v.deriveSteps };
    if (rule) {
      const input = {
        version: rule.version,
        ...fields,
        active: v.active,
        note: blankToNull(v.note),
      };
      command.mutate({ kind: 'update', id: rule.id, input }, { onSuccess: props.onClose, onError });
      return;
    }
    const { typeCode, subtypeCode } = typeCodesOf(v.type);
    const input = {
      unitId: v.unitId,
      typeCode: typeCode as OrderType,
      subtypeCode,
      ...fields,
      note: v.note?.trim() || undefined,
    };
    command.mutate({ kind: 'create', input }, { onSuccess: props.onClose, onError });
  };

  return (
    <Modal
      open={target !== null}
      width={1000}
      title={rule ? t('orderSettings.sla.edit') : t('orderSettings.sla.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="sla-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label={t('orderSettings.sla.unit')}
              rules={[{ required: true }]}
            >
              <UnitPicker disabled={rule !== null} testId="sla-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="type"
              label={t('orderSettings.rule.type')}
              rules={[{ required: true }]}
            >
              <TypePicker taxonomy={props.taxonomy} disabled={rule !== null} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={
            <Space>
              {t('orderSettings.sla.clauses')}
              {!rule && (
                <Button
                  type="link"
                  size="small"
                  disabled={!type}
                  onClick={() =>
                    form.setFieldValue('clauses', defaultClauses(props.taxonomy, type))
                  }
                >
                  {t('orderSettings.sla.copyDefaults')}
                </Button>
              )}
            </Space>
          }
          name="clauses"
          dependencies={['deriveSteps']}
          rules={[
            { required: true, type: 'array', min: 1, message: t('orderSettings.sla.needClause') },
            {
              validator: (_, clauses: SlaClause[] | undefined) =>
                form.getFieldValue('deriveSteps') && !clauses?.some((c) => c.step === 'total')
                  ? Promise.reject(new Error(t('orderSettings.sla.needTotal')))
                  : Promise.resolve(),
            },
          ]}
        >
          <ClausesEditor />
        </Form.Item>
        <Row gutter={16} align="top">
          <Col span={10}>
            <Form.Item
              name="deriveSteps"
              label={t('orderSettings.sla.derive')}
              valuePropName="checked"
              extra={t('orderSettings.sla.deriveHint')}
            >
              <Switch data-testid="sla-derive" />
            </Form.Item>
          </Col>
          <Col span={rule ? 10 : 14}>
            <Form.Item name="note" label={t('orderSettings.rule.note')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          {rule && (
            <Col span={4}>
              <Form.Item
                name="active"
                label={t('orderSettings.rule.active')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Alert type="info" showIcon message={t('orderSettings.sla.explain')} />
      </Form>
    </Modal>
  );
}
