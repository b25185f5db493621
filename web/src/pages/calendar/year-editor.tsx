import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  Space,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  CALENDAR_ISSUES,
  type CalendarHoliday,
  type CalendarIssueReason,
  type CalendarWorkday,
  type CalendarYearDetail,
} from '../../../../common/schemas/calendar.ts';
import { useSaveCalendarYear } from '../../api/calendar.ts';
import { ApiError } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

interface Values {
  holidays: Partial<CalendarHoliday>[];
  workdays: Partial<CalendarWorkday>[];
}

/** What is being edited: a year already entered (with its version), or a new one. */
export type EditorTarget = { year: number; current: CalendarYearDetail | null };

/** Form values hold dates as YYYY-MM-DD, the API's form; the picker works with dayjs. */
const dateField = {
  getValueProps: (v?: string) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

const nameRules = [{ required: true, whitespace: true, max: 40 }];

/**
 * Puts the server's objections (CALENDAR_YEAR_INVALID, VALIDATION_FAILED) on the fields they
 * name, e.g. `holidays.2.to`. Returns false when the error names no field of the form.
 */
function showOnFields(err: unknown, form: FormInstance<Values>, t: Translate): boolean {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return false;
  const issues = err.details as { path?: string; reason?: string; message?: string }[];
  const fields = issues
    .filter((d) => /^(holidays|workdays)\.\d+\.\w+$/.test(d.path ?? ''))
    .map((d) => {
      const [list, index, key] = d.path!.split('.');
      const known = CALENDAR_ISSUES.includes(d.reason as CalendarIssueReason);
      return {
        name: [list!, Number(index), key!],
        errors: [
          known ? t(`calendar.issue.${d.reason as CalendarIssueReason}`) : (d.message ?? ''),
        ],
      };
    });
  // The paths were checked against the form's shape above.
  form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
  return fields.length > 0;
}

/** The admin's editor of a year's holidays and make-up working days (调休). */
export function YearEditor({
  target,
  onClose,
}: {
  target: EditorTarget | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarYear();
  const notifyError = useNotifyError();

  const resetSave = save.reset;
  useEffect(() => {
    if (!target) return;
    resetSave();
    form.resetFields();
    form.setFieldsValue({
      holidays: target.current?.holidays ?? [],
      workdays: target.current?.workdays ?? [],
    });
  }, [target, form, resetSave]);

  const submit = (v: Values) => {
    if (!target) return;
    const input = {
      ...(target.current ? { version: target.current.version } : {}),
      holidays: v.holidays.map((h) => ({ name: h.name!.trim(), from: h.from!, to: h.to! })),
      workdays: v.workdays.map((w) => ({ name: w.name!.trim(), date: w.date! })),
    };
    save.mutate(
      { year: target.year, input },
      {
        onSuccess: () => {
          void message.success(t('calendar.editor.saved', { year: target.year }));
          onClose();
        },
        onError: (err) => {
          if (showOnFields(err, form, t)) return;
          notifyError(err);
          if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') onClose();
        },
      },
    );
  };

  const year = target?.year ?? dayjs().year();
  const pickerStart = dayjs(`${year}-01-01`);
  const serverError = save.error instanceof ApiError ? save.error : null;
  return (
    <Drawer
      open={target !== null}
      width={720}
      title={t('calendar.editor.title', { year })}
      onClose={onClose}
      destroyOnHidden
      forceRender
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="calendar-save"
        >
          {t('calendar.editor.save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.editor.hint')}</Typography.Paragraph>
      {serverError && (
        <Alert
          type="error"
          showIcon
          message={serverError.message}
          style={{ marginBottom: 12 }}
          data-testid="calendar-save-error"
        />
      )}
      <Form<Values> form={form} onFinish={submit} data-testid="calendar-editor">
        <Divider orientation="left">{t('calendar.editor.holidays')}</Divider>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="calendar-holiday-row">
                  <Form.Item name={[f.name, 'name']} rules={nameRules}>
                    <Input placeholder={t('calendar.editor.name')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={[{ required: true }]} {...dateField}>
                    <DatePicker
                      placeholder={t('calendar.editor.from')}
                      defaultPickerValue={pickerStart}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={[{ required: true }]} {...dateField}>
                    <DatePicker
                      placeholder={t('calendar.editor.to')}
                      defaultPickerValue={pickerStart}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('calendar.editor.addHoliday')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider orientation="left">{t('calendar.editor.workdays')}</Divider>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="calendar-workday-row">
                  <Form.Item name={[f.name, 'name']} rules={nameRules}>
                    <Input placeholder={t('calendar.editor.name')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'date']} rules={[{ required: true }]} {...dateField}>
                    <DatePicker
                      placeholder={t('calendar.editor.date')}
                      defaultPickerValue={pickerStart}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('calendar.editor.addWorkday')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
