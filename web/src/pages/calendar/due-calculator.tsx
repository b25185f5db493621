import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DUE_MAX_MINUTES,
  DUE_MAX_WORKING_DAYS,
  type DueDateAnswer,
} from '../../../../common/schemas/calendar.ts';
import { useDueDate, type DueRequest } from '../../api/calendar.ts';
import { beijingIso, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { KIND_LOOK } from './year-grid.tsx';

interface Values {
  from: Dayjs;
  basis: DueRequest['basis'];
  amount: number;
}

function Explanation({ answer }: { answer: DueDateAnswer }) {
  const { t } = useI18n();
  const { explanation: e } = answer;
  if (answer.basis === 'minutes') {
    return <Typography.Text>{t('calendar.due.natural', { n: answer.amount })}</Typography.Text>;
  }
  const none = <Typography.Text type="secondary">{t('calendar.due.none')}</Typography.Text>;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text>{t('calendar.due.startDate', { date: e.startDate })}</Typography.Text>
      <div>
        <Typography.Text strong>
          {t('calendar.due.counted', { n: e.countedDays.length })}
        </Typography.Text>
        <div data-testid="due-counted" style={{ marginTop: 4 }}>
          <Space size={[4, 4]} wrap>
            {e.countedDays.map((d) => (
              <Tag key={d.date} color={d.name ? KIND_LOOK.makeup.tag : undefined}>
                {d.date}
                {d.name ? ` ${d.name}` : ''}
              </Tag>
            ))}
          </Space>
        </div>
      </div>
      <div>
        <Typography.Text strong>
          {t('calendar.due.skipped', { n: e.skipped.length })}
        </Typography.Text>
        <div data-testid="due-skipped" style={{ marginTop: 4 }}>
          {e.skipped.length === 0 ? (
            none
          ) : (
            <Space size={[4, 4]} wrap>
              {e.skipped.map((d) => (
                <Tag key={d.date} color={KIND_LOOK[d.reason].tag}>
                  {d.date} {d.name ?? t(`calendar.due.reason.${d.reason}`)}
                </Tag>
              ))}
            </Space>
          )}
        </div>
      </div>
    </Space>
  );
}

/** The deadline as people say it: 24:00 of the last working day, or the exact instant. */
function dueText(answer: DueDateAnswer, t: ReturnType<typeof useI18n>['t']) {
  const last = answer.explanation.countedDays.at(-1);
  if (answer.basis === 'working_days' && last) {
    return {
      main: t('calendar.due.endOfDay', { date: last.date }),
      sub: t('calendar.due.instant', { at: formatDateTime(answer.due) }),
    };
  }
  return { main: formatDateTime(answer.due), sub: null };
}

/**
 * 期限计算: the server computes the deadline the way an order's SLA clock does, and says which
 * days it counted and which it passed over.
 */
export function DueCalculator() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const due = useDueDate();
  const basis = Form.useWatch('basis', form) ?? 'working_days';

  const submit = (v: Values) =>
    due.mutate({ from: beijingIso(v.from), basis: v.basis, amount: v.amount });

  const shown = due.data && dueText(due.data, t);
  return (
    <Card title={t('calendar.due.title')} data-testid="due-calculator">
      <Typography.Paragraph type="secondary">{t('calendar.due.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ from: dayjs().second(0), basis: 'working_days', amount: 4 }}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="from" label={t('calendar.due.from')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            data-testid="due-from"
          />
        </Form.Item>
        <Form.Item name="basis" label={t('calendar.due.basis')}>
          <Radio.Group
            optionType="button"
            data-testid="due-basis"
            options={[
              { value: 'working_days', label: t('calendar.due.workingDays') },
              { value: 'minutes', label: t('calendar.due.minutes') },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('calendar.due.amount')} rules={[{ required: true }]}>
          <InputNumber
            min={1}
            max={basis === 'minutes' ? DUE_MAX_MINUTES : DUE_MAX_WORKING_DAYS}
            precision={0}
            data-testid="due-amount"
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={due.isPending}
            data-testid="due-compute"
          >
            {t('calendar.due.compute')}
          </Button>
        </Form.Item>
      </Form>
      {due.isError && <Alert type="error" showIcon message={due.error.message} />}
      {due.data && shown && !due.isError && (
        <Descriptions column={1} bordered size="small" data-testid="due-result">
          <Descriptions.Item label={t('calendar.due.result')}>
            <Typography.Text strong data-testid="due-at">
              {shown.main}
            </Typography.Text>
            {shown.sub && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {shown.sub}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('calendar.due.explanation')}>
            <Explanation answer={due.data} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
