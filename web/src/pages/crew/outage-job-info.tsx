import { Space, Tag, Typography } from 'antd';
import type { Job, JobOutage } from '../../../../common/schemas/repair.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CategoryTag } from '../outages/outage-labels.tsx';
import { CommitmentTags } from '../repair/commitment-tags.tsx';

/** What a crew needs of an outage on the way: where, which nodes, how many customers, when. */
export function OutageJobInfo({ job, outage }: { job: Job; outage: JobOutage }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4} data-testid="crew-outage">
      <Space wrap size={4}>
        <Tag color="red">{t('repair.crewView.outage')}</Tag>
        <CategoryTag category={outage.category} />
      </Space>
      <Typography.Text strong>{outage.title}</Typography.Text>
      <Typography.Text>{outage.areaText}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('repair.crewView.scope')}：</Typography.Text>
        <Space size={[4, 4]} wrap>
          {outage.scope.map((n) => (
            <Tag key={n.id} bordered={false}>
              {n.name}
            </Tag>
          ))}
        </Space>
      </div>
      <Typography.Text>
        {t('repair.crewView.customers')}：{outage.affectedCustomers}
        {outage.importantCustomers > 0 &&
          ` · ${t('repair.board.important', { n: outage.importantCustomers })}`}
      </Typography.Text>
      {outage.estimatedRestoreAt && (
        <Typography.Text>
          {t('repair.crewView.estimate')}：{formatDateTime(outage.estimatedRestoreAt)}
        </Typography.Text>
      )}
      {job.commitments && <CommitmentTags c={job.commitments} />}
      <Typography.Text type="secondary">{formatDateTime(job.offeredAt)}</Typography.Text>
    </Space>
  );
}
