import { Tag } from 'antd';
import type { CrewState, JobState } from '../../../../common/schemas/repair.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const CREW_COLORS: Record<CrewState, string> = {
  on_duty: 'green',
  en_route: 'blue',
  on_site: 'orange',
  off_duty: 'default',
};
const JOB_COLORS: Record<JobState, string> = {
  offered: 'gold',
  accepted: 'cyan',
  sent_back: 'red',
  en_route: 'blue',
  on_site: 'orange',
  done: 'green',
  cancelled: 'default',
};

export function CrewStateTag({ state }: { state: CrewState }) {
  const { t } = useI18n();
  return (
    <Tag color={CREW_COLORS[state]} data-testid="crew-state" data-state={state}>
      {t(`repair.crewState.${state}`)}
    </Tag>
  );
}

export function JobStateTag({ state }: { state: JobState }) {
  const { t } = useI18n();
  return (
    <Tag color={JOB_COLORS[state]} data-testid="job-state" data-state={state}>
      {t(`repair.jobState.${state}`)}
    </Tag>
  );
}
