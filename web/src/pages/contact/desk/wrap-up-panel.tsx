/**
 * 话后小结 on the desk: the code, with what it needs (the article the enquiry was answered with,
 * the orders of the call, a note), and where the agent goes next. It can be prepared during the
 * call and is sent after the hang-up (Ctrl+Enter).
 */
import { App, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import {
  WRAP_CODE_INFO,
  WRAP_CODES,
  type WrapCode,
} from '../../../../../common/contact/wrap-codes.ts';
import {
  NOT_READY_REASON_LABELS,
  NOT_READY_REASONS,
  type NotReadyReason,
} from '../../../../../common/contact/agent-states.ts';
import type { CallSummary } from '../../../../../common/schemas/contact.ts';
import { useWrapUp } from '../../../api/contact.ts';
import { ApiError } from '../../../api/client.ts';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UsedArticle } from './knowledge-panel.tsx';

export interface CallOrder {
  id: string;
  number: string;
}

interface WrapValues {
  code?: WrapCode;
  note?: string;
  next: 'ready' | 'not_ready' | 'break';
  nextReason?: NotReadyReason;
}

export function WrapUpPanel(props: {
  call: CallSummary;
  customerId: string | null;
  article: UsedArticle | null;
  orders: CallOrder[];
  /** Open orders urged on this call. */
  urged: CallOrder[];
  /** The pop's open orders: a progress query or an urge names one of them. */
  knownOrders: CallOrder[];
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const wrap = useWrapUp();
  const [form] = Form.useForm<WrapValues & { orderIds?: string[] }>();
  const code = Form.useWatch('code', form);
  const next = Form.useWatch('next', form);
  const ended = props.call.state === 'ended';
  const done = props.call.wrapUp !== null;
  // Orders attached to the call as they were created: the server keeps them whatever is named
  // here, so a desk that lost its list (a reload) still wraps up as 已建工单.
  const attached = props.call.orderIds.length;

  // The code follows what happened on the call, until the agent picks one herself.
  useEffect(() => {
    if (form.isFieldTouched('code')) return;
    if (props.orders.length > 0 || attached > 0) form.setFieldValue('code', 'order_created');
    else if (props.urged.length > 0) form.setFieldValue('code', 'urge');
    else if (props.article) form.setFieldValue('code', 'enquiry_answered');
  }, [props.orders.length, attached, props.urged.length, props.article, form]);
  useEffect(() => {
    const named = props.orders.length > 0 ? props.orders : props.urged;
    if (named.length > 0)
      form.setFieldValue(
        'orderIds',
        named.map((o) => o.id),
      );
  }, [props.orders, props.urged, form]);

  if (done) {
    const w = props.call.wrapUp!;
    return (
      <Space direction="vertical" data-testid="desk-wrapped">
        <Typography.Text>
          {t('contact.desk.wrappedAs')}{' '}
          <Tag color={w.closedOnSpot ? 'green' : 'blue'}>{pick(WRAP_CODE_INFO[w.code])}</Tag>
        </Typography.Text>
        {w.note && <Typography.Text type="secondary">{w.note}</Typography.Text>}
      </Space>
    );
  }

  const needs = code ? WRAP_CODE_INFO[code].needs : null;
  const orderChoices = [...props.orders, ...props.urged, ...props.knownOrders].filter(
    (o, i, all) => all.findIndex((x) => x.id === o.id) === i,
  );
  const submit = (v: WrapValues & { orderIds?: string[] }) => {
    if (!v.code) return;
    wrap.mutate(
      {
        callId: props.call.id,
        body: {
          code: v.code,
          next: v.next,
          ...(v.next === 'not_ready' ? { nextReason: v.nextReason ?? 'other' } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          ...(props.customerId ? { customerId: props.customerId } : {}),
          ...(needs === 'article' && props.article ? { articleId: props.article.id } : {}),
          orderIds: needs === 'order' || v.code === 'order_created' ? (v.orderIds ?? []) : [],
        },
      },
      {
        onSuccess: () => {
          void message.success(t('contact.desk.wrapDone'));
          form.resetFields();
          props.onDone();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONTACT_WRAP_UP_INCOMPLETE') {
            void message.error(e.message);
          } else notifyError(e);
        },
      },
    );
  };

  return (
    <Form<WrapValues & { orderIds?: string[] }>
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ next: 'ready' }}
      onFinish={submit}
      data-testid="desk-wrap-up"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
      }}
    >
      <Form.Item name="code" label={t('contact.desk.wrapCode')} rules={[{ required: true }]}>
        <Select<WrapCode>
          showSearch
          optionFilterProp="label"
          data-testid="desk-wrap-code"
          options={WRAP_CODES.map((c) => ({ value: c, label: pick(WRAP_CODE_INFO[c]) }))}
        />
      </Form.Item>
      {needs === 'article' && (
        <Form.Item label={t('contact.desk.articleForAnswer')} required>
          {props.article ? (
            <Tag color="green" data-testid="desk-wrap-article">
              {props.article.title}
            </Tag>
          ) : (
            <Typography.Text type="warning">{t('contact.desk.pickArticle')}</Typography.Text>
          )}
        </Form.Item>
      )}
      {(needs === 'order' || code === 'order_created') && (
        <Form.Item
          name="orderIds"
          label={t('contact.desk.wrapOrders')}
          rules={[{ required: attached === 0, message: t('contact.desk.pickOrder') }]}
          extra={attached > 0 ? t('contact.desk.ordersAttached', { n: attached }) : undefined}
        >
          <Select
            mode="multiple"
            data-testid="desk-wrap-orders"
            options={orderChoices.map((o) => ({ value: o.id, label: o.number }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('contact.desk.wrapNote')}
        rules={[{ required: needs === 'note', whitespace: true, max: 500 }]}
      >
        <Input.TextArea rows={2} data-testid="desk-wrap-note" />
      </Form.Item>
      <Form.Item name="next" label={t('contact.desk.next')}>
        <Select
          options={[
            { value: 'ready', label: t('contact.bar.ready') },
            { value: 'not_ready', label: t('contact.bar.notReady') },
            { value: 'break', label: t('contact.bar.break') },
          ]}
        />
      </Form.Item>
      {next === 'not_ready' && (
        <Form.Item name="nextReason" label={t('contact.bar.reason')} initialValue="other">
          <Select<NotReadyReason>
            options={NOT_READY_REASONS.map((r) => ({
              value: r,
              label: pick(NOT_READY_REASON_LABELS[r]),
            }))}
          />
        </Form.Item>
      )}
      <Button
        type="primary"
        htmlType="submit"
        disabled={!ended}
        loading={wrap.isPending}
        data-testid="desk-wrap-submit"
        title="Ctrl+Enter"
      >
        {ended ? t('contact.desk.wrapSubmit') : t('contact.desk.wrapAfterHangup')}
      </Button>
    </Form>
  );
}
