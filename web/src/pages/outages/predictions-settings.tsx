import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useAnalysisSettings, useSaveAnalysisSettings } from '../../api/outage-predictions.ts';
import { useCan } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  windowMinutes: number;
  transformerCalls: number;
  transformerSharePct: number;
  feederTransformers: number;
  feederSharePct: number;
}

/** 研判参数: the province's thresholds; shares are entered in per cent. */
export function PredictionSettings() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const q = useAnalysisSettings();
  const save = useSaveAnalysisSettings();
  const [form] = Form.useForm<Values>();
  const s = q.data;
  useEffect(() => {
    if (!s) return;
    form.setFieldsValue({
      windowMinutes: s.windowMinutes,
      transformerCalls: s.transformerCalls,
      transformerSharePct: Math.round(s.transformerShare * 1000) / 10,
      feederTransformers: s.feederTransformers,
      feederSharePct: Math.round(s.feederShare * 1000) / 10,
    });
  }, [s, form]);
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  if (!s) return <Skeleton active />;
  const editable = can('outage.manage') && s.provinceId !== null;
  const onFinish = (v: Values) =>
    save.mutate(
      {
        version: s.version,
        windowMinutes: v.windowMinutes,
        transformerCalls: v.transformerCalls,
        transformerShare: v.transformerSharePct / 100,
        feederTransformers: v.feederTransformers,
        feederShare: v.feederSharePct / 100,
      },
      {
        onSuccess: () => void message.success(t('predictions.settings.saved')),
        onError: notifyError,
      },
    );
  const num = (
    name: keyof Values,
    label: Parameters<typeof t>[0],
    hint: Parameters<typeof t>[0],
    min: number,
    max: number,
    step = 1,
  ) => (
    <Form.Item name={name} label={t(label)} extra={t(hint)} rules={[{ required: true }]}>
      <InputNumber
        min={min}
        max={max}
        step={step}
        disabled={!editable}
        data-testid={`settings-${name}`}
      />
    </Form.Item>
  );
  return (
    <Card size="small" style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">
        {s.isDefault
          ? t('predictions.settings.default')
          : t('predictions.settings.updatedAt', { at: formatDateTime(s.updatedAt) })}
      </Typography.Paragraph>
      {s.provinceId === null && (
        <Alert
          type="info"
          showIcon
          message={t('predictions.settings.noProvince')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {num(
          'windowMinutes',
          'predictions.settings.window',
          'predictions.settings.windowHint',
          1,
          1440,
        )}
        {num(
          'transformerCalls',
          'predictions.settings.transformerCalls',
          'predictions.settings.transformerCallsHint',
          2,
          10000,
        )}
        {num(
          'transformerSharePct',
          'predictions.settings.transformerShare',
          'predictions.settings.transformerShareHint',
          1,
          100,
        )}
        {num(
          'feederTransformers',
          'predictions.settings.feederTransformers',
          'predictions.settings.feederTransformersHint',
          2,
          10000,
        )}
        {num(
          'feederSharePct',
          'predictions.settings.feederShare',
          'predictions.settings.feederShareHint',
          1,
          100,
        )}
        {editable && (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="settings-save"
          >
            {t('predictions.settings.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
