import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { KnowledgeArticleDetail } from '../../../../common/schemas/knowledge.ts';
import { useKnowledgeFlow, type KnowledgeFlowStep } from '../../api/knowledge.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The approval-flow buttons the server says this person may use now. */
export function ArticleActions({ article }: { article: KnowledgeArticleDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const flow = useKnowledgeFlow(article.id);
  const [asking, setAsking] = useState<'reject' | 'expire' | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const can = (a: string) => article.allowedActions.includes(a as never);

  const run = (step: KnowledgeFlowStep, reason?: string) =>
    flow.mutate(
      { step, version: article.version, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          void message.success(t('knowledge.action.done'));
          setAsking(null);
          form.resetFields();
        },
        onError: notifyError,
      },
    );

  return (
    <Space wrap>
      {can('edit') && (
        <Button
          onClick={() => void navigate(`/knowledge/${article.id}/edit`)}
          data-testid="kb-edit"
        >
          {t('knowledge.action.edit')}
        </Button>
      )}
      {can('submit') && (
        <Button
          type="primary"
          loading={flow.isPending}
          onClick={() => run('submit')}
          data-testid="kb-submit"
        >
          {t('knowledge.action.submit')}
        </Button>
      )}
      {can('approve') && (
        <Button
          type="primary"
          loading={flow.isPending}
          onClick={() => run('approve')}
          data-testid="kb-approve"
        >
          {t('knowledge.action.approve')}
        </Button>
      )}
      {can('reject') && (
        <Button danger onClick={() => setAsking('reject')} data-testid="kb-reject">
          {t('knowledge.action.reject')}
        </Button>
      )}
      {can('expire') && (
        <Button danger onClick={() => setAsking('expire')} data-testid="kb-expire">
          {t('knowledge.action.expire')}
        </Button>
      )}
      <Modal
        open={asking !== null}
        title={asking ? t(`knowledge.action.${asking}`) : ''}
        onCancel={() => setAsking(null)}
        confirmLoading={flow.isPending}
        okButtonProps={{ danger: true, id: 'kb-reason-ok' }}
        onOk={() =>
          void form.validateFields().then((v) => run(asking!, v.reason?.trim() || undefined))
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={asking === 'reject' ? t('knowledge.rejectReason') : t('knowledge.expireReason')}
            rules={asking === 'reject' ? [{ required: true, whitespace: true, max: 500 }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="kb-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
