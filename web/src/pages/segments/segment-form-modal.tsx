import { Alert, Col, Divider, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { Segment } from '../../../../common/schemas/segments.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useSegmentCommand } from '../../api/segments.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { RuleFields } from './rule-fields.tsx';
import { ruleOf, ruleValues, type RuleValues } from './rule-values.ts';

export type SegmentFormTarget = { mode: 'create' } | { mode: 'edit'; segment: Segment };

interface Values extends RuleValues {
  code: string;
  name: string;
  description?: string;
  service?: string;
  priority: number;
  active: boolean;
}

const CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

/** Creates a segment or edits one; the code is fixed once created (it names the segment in data). */
export function SegmentFormModal(props: { target: SegmentFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const command = useSegmentCommand();
  const notifyError = useNotifyError();
  const [emptyRule, setEmptyRule] = useState(false);
  const { target } = props;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setEmptyRule(false);
    const s = target.mode === 'edit' ? target.segment : null;
    form.setFieldsValue({
      ...ruleValues(s?.rule),
      code: s?.code ?? '',
      name: s?.name ?? '',
      description: s?.description ?? '',
      service: s?.service ?? '',
      priority: s?.priority ?? 100,
      active: s?.active ?? true,
    });
  }, [target, form]);

  const onError = (e: unknown) => {
    notifyError(e);
    if (isVersionConflict(e)) props.onClose();
  };

  const submit = (v: Values) => {
    if (!target) return;
    const rule = ruleOf(v);
    if (Object.keys(rule).length === 0) {
      setEmptyRule(true);
      return;
    }
    const fields = {
      name: v.name.trim(),
      description: v.description?.trim() ?? '',
      service: v.service?.trim() ?? '',
      rule,
      priority: v.priority,
      active: v.active,
    };
    if (target.mode === 'create') {
      command.mutate(
        { kind: 'create', input: { code: v.code.trim(), ...fields } },
        { onSuccess: props.onClose, onError },
      );
    } else {
      const s = target.segment;
      command.mutate(
        { kind: 'update', id: s.id, input: { version: s.version, ...fields } },
        { onSuccess: props.onClose, onError },
      );
    }
  };

  return (
    <Modal
      open={target !== null}
      width={760}
      title={
        target?.mode === 'edit'
          ? t('segments.editTitle', { name: target.segment.name })
          : t('segments.create')
      }
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="segment-form">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('segments.code')}
              extra={target?.mode === 'create' ? t('segments.form.codeHint') : undefined}
              normalize={(v: string) => v.toUpperCase()}
              rules={[{ required: true }, { pattern: CODE, message: t('segments.form.codeHint') }]}
            >
              <Input disabled={target?.mode === 'edit'} data-testid="segment-code" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="name"
              label={t('segments.name')}
              rules={[{ required: true, whitespace: true, max: 64 }]}
            >
              <Input data-testid="segment-name" />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="priority" label={t('segments.priority')}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="active" label={t('segments.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="description" label={t('segments.description')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="service" label={t('segments.service')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left">{t('segments.rule')}</Divider>
        {emptyRule && (
          <Alert
            type="error"
            showIcon
            message={t('segments.form.ruleRequired')}
            style={{ marginBottom: 12 }}
          />
        )}
        <RuleFields />
      </Form>
    </Modal>
  );
}
