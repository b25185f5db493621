import { Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { useEffect } from 'react';
import type { Taxonomy } from '../../../../common/orders/taxonomy.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useRoutingRuleCommand, type RoutingRuleData } from '../../api/order-settings.ts';
import { blankToNull } from '../../components/form-values.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { typeCodesOf } from './labels.ts';
import { FeederName, FeederPicker, TypePicker, UnitPicker } from './pickers.tsx';

export type RoutingRuleTarget = { mode: 'create' } | { mode: 'edit'; rule: RoutingRuleData };

interface Values {
  unitId: string;
  type?: string[];
  feederId: string | null;
  targetUnitId: string;
  priority: number;
  note?: string;
  active: boolean;
}

/**
 * Creates a routing rule or edits one. Where and what a rule matches (unit, type, feeder) is fixed
 * once created: a different match is a different rule.
 */
export function RoutingRuleModal(props: {
  target: RoutingRuleTarget | null;
  taxonomy: Taxonomy | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const command = useRoutingRuleCommand();
  const notifyError = useNotifyError();
  const { target } = props;
  const rule = target?.mode === 'edit' ? target.rule : null;
  const unitId = Form.useWatch('unitId', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const r = target.mode === 'edit' ? target.rule : null;
    form.setFieldsValue({
      unitId: r?.unit.id,
      type: r?.typeCode ? [r.typeCode, ...(r.subtypeCode ? [r.subtypeCode] : [])] : undefined,
      feederId: r?.feederId ?? null,
      targetUnitId: r?.targetUnit.id,
      priority: r?.priority ?? 100,
      note: r?.note ?? '',
      active: r?.active ?? true,
    });
  }, [target, form]);

  const onError = (e: unknown) => {
    notifyError(e);
    if (isVersionConflict(e)) props.onClose();
  };
  const submit = (v: Values) => {
    if (rule) {
      command.mutate(
        {
          kind: 'update',
          id: rule.id,
          input: {
            version: rule.version,
            targetUnitId: v.targetUnitId,
            priority: v.priority,
            active: v.active,
            note: blankToNull(v.note),
          },
        },
        { onSuccess: props.onClose, onError },
      );
      return;
    }
    command.mutate(
      {
        kind: 'create',
        input: {
          unitId: v.unitId,
          ...typeCodesOf(v.type),
          feederId: v.feederId,
          targetUnitId: v.targetUnitId,
          priority: v.priority,
          note: v.note?.trim() || undefined,
        },
      },
      { onSuccess: props.onClose, onError },
    );
  };

  return (
    <Modal
      open={target !== null}
      width={640}
      title={rule ? t('orderSettings.routing.edit') : t('orderSettings.routing.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        // The feeders offered are those of the unit: another unit's feeder would never match.
        onValuesChange={(changed: Partial<Values>) => {
          if ('unitId' in changed) form.setFieldValue('feederId', null);
        }}
        data-testid="routing-form"
      >
        <Form.Item
          name="unitId"
          label={t('orderSettings.routing.unit')}
          extra={t('orderSettings.routing.unitHint')}
          rules={[{ required: true }]}
        >
          <UnitPicker disabled={rule !== null} testId="routing-unit" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="type" label={t('orderSettings.rule.type')}>
              <TypePicker taxonomy={props.taxonomy} allowClear disabled={rule !== null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {rule ? (
              <Form.Item label={t('orderSettings.routing.feeder')}>
                {rule.feederId ? (
                  <FeederName id={rule.feederId} />
                ) : (
                  t('orderSettings.routing.anyFeeder')
                )}
              </Form.Item>
            ) : (
              <Form.Item name="feederId" label={t('orderSettings.routing.feeder')}>
                <FeederPicker unitId={unitId} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item
          name="targetUnitId"
          label={t('orderSettings.routing.target')}
          rules={[{ required: true }]}
        >
          <UnitPicker testId="routing-target" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="priority"
              label={t('orderSettings.rule.priority')}
              extra={t('orderSettings.routing.priorityHint')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={rule ? 12 : 16}>
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
      </Form>
    </Modal>
  );
}
