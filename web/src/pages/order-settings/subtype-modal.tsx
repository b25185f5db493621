import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { TaxonomyType } from '../../../../common/orders/taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  code: string;
  zh: string;
  en: string;
}

// As the contract's Code: orders store it, so it is a stable key, not a name.
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** Adds a subtype under a type; the code is fixed from then on (orders refer to it). */
export function SubtypeModal(props: {
  type: TaxonomyType | null;
  onAdd: (values: Values) => void;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const { type } = props;

  useEffect(() => {
    if (type) form.resetFields();
  }, [type, form]);

  return (
    <Modal
      open={type !== null}
      title={type ? t('orderSettings.subtype.addTo', { type: pick(type.name) }) : ''}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="subtype-form"
        onFinish={(v) => props.onAdd({ code: v.code.trim(), zh: v.zh.trim(), en: v.en.trim() })}
      >
        <Form.Item
          name="code"
          label={t('orderSettings.subtype.code')}
          extra={t('orderSettings.subtype.codeHint')}
          normalize={(v: string) => v.toLowerCase()}
          rules={[
            { required: true },
            { pattern: CODE, message: t('orderSettings.subtype.codeHint') },
            {
              validator: (_, v: string | undefined) =>
                type?.subtypes.some((s) => s.code === (v ?? '').trim())
                  ? Promise.reject(new Error(t('orderSettings.subtype.codeTaken')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input data-testid="subtype-code" />
        </Form.Item>
        <Form.Item
          name="zh"
          label={t('orderSettings.node.nameZh')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input data-testid="subtype-zh" />
        </Form.Item>
        <Form.Item
          name="en"
          label={t('orderSettings.node.nameEn')}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input data-testid="subtype-en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
