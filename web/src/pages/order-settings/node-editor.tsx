import { Alert, Col, Divider, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { ORDER_FIELDS, ORDER_FIELD_LABELS } from '../../../../common/orders/fields.ts';
import type { TaxonomyNode } from '../../../../common/orders/taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ClausesEditor } from './clauses-editor.tsx';

type Patch = Partial<Omit<TaxonomyNode, 'code'>>;

/**
 * The settings of one type or subtype. A subtype adds required fields to its type's and its
 * clauses come first, so it overrides the type's limit of a step and inherits the rest.
 */
export function NodeEditor(props: {
  node: TaxonomyNode;
  /** The type's name when the node is a subtype. */
  parentName: string | null;
  readOnly: boolean;
  onChange: (patch: Patch) => void;
}) {
  const { t, pick } = useI18n();
  const { node, parentName, readOnly } = props;

  return (
    <Form<TaxonomyNode>
      layout="vertical"
      disabled={readOnly}
      initialValues={node}
      // All values, not the changed ones: a changed name.zh arrives without its name.en.
      onValuesChange={(_, all: Patch) => props.onChange(all)}
      data-testid="node-editor"
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {parentName ? `${parentName} / ${pick(node.name)}` : pick(node.name)}{' '}
        <Typography.Text type="secondary" code>
          {node.code}
        </Typography.Text>
      </Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['name', 'zh']}
            label={t('orderSettings.node.nameZh')}
            rules={[{ required: true, whitespace: true, max: 40 }]}
          >
            <Input data-testid="node-name-zh" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['name', 'en']}
            label={t('orderSettings.node.nameEn')}
            rules={[{ required: true, whitespace: true, max: 80 }]}
          >
            <Input data-testid="node-name-en" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="active" label={t('orderSettings.node.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name="callbackRequired"
            label={t('orderSettings.node.callback')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="requiredFields"
        label={t('orderSettings.node.requiredFields')}
        extra={parentName ? t('orderSettings.node.fieldsInherit', { type: parentName }) : undefined}
      >
        <Select
          mode="multiple"
          allowClear
          placeholder={t('orderSettings.node.noFields')}
          options={ORDER_FIELDS.map((f) => ({ value: f, label: pick(ORDER_FIELD_LABELS[f]) }))}
        />
      </Form.Item>
      <Divider orientation="left" plain>
        {t('orderSettings.node.sla')}
      </Divider>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={
          parentName
            ? t('orderSettings.node.slaInherit', { type: parentName })
            : t('orderSettings.node.slaOrder')
        }
      />
      <Form.Item name={['sla', 'clauses']} noStyle>
        <ClausesEditor readOnly={readOnly} />
      </Form.Item>
    </Form>
  );
}
