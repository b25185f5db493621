import { App, Button, Card, Empty, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Job, JobAction, JobActionInput } from '../../../../common/schemas/repair.ts';
import { useUploadAttachment } from '../../api/orders.ts';
import { useJobAction, useMyCrewState, useMyJobs, useUploadJobPhoto } from '../../api/repair.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SlaBadge } from '../orders/sla-badge.tsx';
import { CrewStateTag, JobStateTag } from '../repair/crew-labels.tsx';
import { OutageJobInfo } from './outage-job-info.tsx';

/** The phone's position when it gives one quickly; the stamp goes without it otherwise. */
function position(): Promise<{ lat: number; lng: number } | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = setTimeout(() => resolve(null), 3000);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(done);
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude });
      },
      () => {
        clearTimeout(done);
        resolve(null);
      },
      { timeout: 2500, maximumAge: 60_000 },
    );
  });
}

const big = { size: 'large' as const, block: true };

/**
 * Uploads a photo where the job keeps it: an order job's photos are the order's attachments; an
 * outage job has no order, so they go on the job.
 */
function usePhotoUpload(job: Job) {
  const toOrder = useUploadAttachment(job.order?.id ?? '');
  const toJob = useUploadJobPhoto(job.id);
  return job.order ? toOrder : toJob;
}

function CompleteForm({ job, onDone }: { job: Job; onDone: () => void }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const act = useJobAction();
  const upload = usePhotoUpload(job);
  const [photos, setPhotos] = useState<{ id: string; name: string }[]>([]);
  return (
    <Form
      layout="vertical"
      onFinish={(v: { result: string; cause?: string; restoredScope?: string }) => {
        void position().then((pos) =>
          act.mutate(
            {
              id: job.id,
              action: 'complete',
              input: {
                version: job.version,
                result: v.result,
                ...(v.cause ? { cause: v.cause } : {}),
                ...(v.restoredScope ? { restoredScope: v.restoredScope } : {}),
                photoIds: photos.map((p) => p.id),
                ...(pos ?? {}),
              },
            },
            { onSuccess: onDone, onError: notifyError },
          ),
        );
      }}
    >
      <Form.Item name="result" label={t('repair.crewView.result')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} data-testid="complete-result" />
      </Form.Item>
      <Form.Item name="cause" label={t('repair.crewView.cause')}>
        <Input data-testid="complete-cause" />
      </Form.Item>
      {job.outage && (
        <Form.Item
          name="restoredScope"
          label={t('repair.crewView.restoredScope')}
          extra={t('repair.crewView.outageHint')}
        >
          <Input data-testid="complete-restored-scope" />
        </Form.Item>
      )}
      <Form.Item label={t('repair.crewView.photos')}>
        <Upload
          accept="image/*"
          capture="environment"
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (a) => {
                setPhotos((p) => [...p, { id: a.id, name: a.fileName }]);
                onSuccess?.(a);
              },
              onError: (e) => {
                notifyError(e);
                onError?.(e);
              },
            });
          }}
        >
          <Button {...big} loading={upload.isPending} data-testid="photo-add">
            {t('repair.crewView.addPhoto')}
          </Button>
        </Upload>
        {photos.map((p) => (
          <div key={p.id} data-testid="photo-item">
            📷 {p.name}
          </div>
        ))}
      </Form.Item>
      <Button
        {...big}
        type="primary"
        htmlType="submit"
        loading={act.isPending}
        data-testid="complete-submit"
      >
        {t('repair.crewView.submit')}
      </Button>
    </Form>
  );
}

function JobCard({ job }: { job: Job }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const act = useJobAction();
  const [open, setOpen] = useState<'send_back' | 'complete' | null>(null);
  const [reason, setReason] = useState('');
  const o = job.order;
  const run = (action: JobAction, extra: Partial<JobActionInput> = {}) => {
    void position().then((pos) =>
      act.mutate(
        { id: job.id, action, input: { version: job.version, ...extra, ...(pos ?? {}) } },
        { onSuccess: () => setOpen(null), onError: notifyError },
      ),
    );
  };
  const simple = job.allowedActions.filter(
    (a): a is 'accept' | 'depart' | 'arrive' => a !== 'send_back' && a !== 'complete',
  );
  return (
    <Card
      size="small"
      data-testid="crew-job"
      data-job-state={job.state}
      title={
        <Space wrap>
          <JobStateTag state={job.state} />
          <span>{o?.number ?? job.outage?.number}</span>
        </Space>
      }
      extra={o && <SlaBadge status={o.slaStatus} dueAt={o.dueAt} />}
      style={{ marginBottom: 12 }}
    >
      {o && (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Typography.Text strong>{o.title}</Typography.Text>
          <Typography.Text>{o.address}</Typography.Text>
          {o.callerPhone && (
            <a href={`tel:${o.callerPhone}`}>
              {t('repair.crewView.call')} {o.callerName} {o.callerPhone}
            </a>
          )}
          <Typography.Text type="secondary">{formatDateTime(job.offeredAt)}</Typography.Text>
        </Space>
      )}
      {job.outage && <OutageJobInfo job={job} outage={job.outage} />}
      {job.cancelled && (
        <Typography.Paragraph type="secondary">
          {t('repair.crewView.cancelled', { reason: job.cancelled.reason })}
        </Typography.Paragraph>
      )}
      {job.result && <Typography.Paragraph>{job.result}</Typography.Paragraph>}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        {simple.map((a) => (
          <Button
            key={a}
            {...big}
            type="primary"
            loading={act.isPending}
            onClick={() => run(a)}
            data-testid={`job-${a}`}
          >
            {t(`repair.action.${a}`)}
          </Button>
        ))}
        {job.allowedActions.includes('complete') && open !== 'complete' && (
          <Button
            {...big}
            type="primary"
            onClick={() => setOpen('complete')}
            data-testid="job-complete"
          >
            {t('repair.action.complete')}
          </Button>
        )}
        {open === 'complete' && <CompleteForm job={job} onDone={() => setOpen(null)} />}
        {job.allowedActions.includes('send_back') &&
          (open === 'send_back' ? (
            <>
              <Input.TextArea
                rows={2}
                placeholder={t('repair.crewView.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button
                {...big}
                danger
                disabled={!reason.trim()}
                onClick={() => run('send_back', { reason: reason.trim() })}
              >
                {t('repair.action.send_back')}
              </Button>
            </>
          ) : (
            <Button {...big} danger onClick={() => setOpen('send_back')}>
              {t('repair.action.send_back')}
            </Button>
          ))}
      </Space>
    </Card>
  );
}

/** The crew's own page, made for a phone: my crew's state, my jobs, and the buttons for each. */
export function CrewPage() {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const mine = useMyJobs();
  const setState = useMyCrewState();
  const items = mine.data?.items ?? [];
  const over = (j: Job) => j.state === 'done' || j.state === 'sent_back' || j.state === 'cancelled';
  const live = items.filter((j) => !over(j));
  const done = items.filter(over);
  if (mine.data && mine.data.crews.length === 0) {
    return <Empty description={t('repair.crewView.noCrew')} />;
  }
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="crew-view">
      {mine.data?.crews.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 12 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Space>
              <Typography.Text strong>{c.name}</Typography.Text>
              <CrewStateTag state={c.state} />
            </Space>
            <Button
              loading={setState.isPending}
              data-testid="crew-duty"
              onClick={() =>
                setState.mutate(
                  {
                    crewId: c.id,
                    version: c.version,
                    state: c.state === 'off_duty' ? 'on_duty' : 'off_duty',
                  },
                  {
                    onSuccess: () => void message.success(t('repair.saved')),
                    onError: notifyError,
                  },
                )
              }
            >
              {c.state === 'off_duty'
                ? t('repair.crewView.goOnDuty')
                : t('repair.crewView.goOffDuty')}
            </Button>
          </Space>
        </Card>
      ))}
      {live.length === 0 && !mine.isLoading && <Empty description={t('repair.noJobs')} />}
      {live.map((j) => (
        <JobCard key={j.id} job={j} />
      ))}
      {done.length > 0 && (
        <>
          <Typography.Title level={5}>{t('repair.crewView.done')}</Typography.Title>
          {done.map((j) => (
            <JobCard key={j.id} job={j} />
          ))}
        </>
      )}
    </div>
  );
}
