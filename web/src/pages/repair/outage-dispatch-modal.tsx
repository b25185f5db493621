import { Alert, App, Empty, Modal, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import type { BoardOutage } from '../../../../common/schemas/repair.ts';
import { useDispatchOutage, useOutageSuggestion } from '../../api/repair.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CrewStateTag } from './crew-labels.tsx';

/**
 * Picks a crew for an outage, the suggested one preselected (most of the scope in its area, else
 * the nearest of the unit). Re-dispatch (改派) cancels the current crew's job, which has not set out.
 */
export function OutageDispatchModal({
  outage,
  onClose,
}: {
  outage: BoardOutage;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const suggestion = useOutageSuggestion(outage.id);
  const dispatch = useDispatchOutage();
  const replacing = outage.job;
  const [picked, setPicked] = useState<string | null>(null);
  const candidates = (suggestion.data?.candidates ?? []).filter(
    (c) => c.crew.id !== replacing?.crew.id,
  );
  const suggested = suggestion.data?.suggestedCrewId;
  const crewId =
    picked ?? (suggested && suggested !== replacing?.crew.id ? suggested : null) ?? null;
  return (
    <Modal
      open
      title={t(replacing ? 'repair.dispatch.redispatchTitle' : 'repair.dispatch.outageTitle', {
        number: outage.number,
      })}
      onCancel={onClose}
      okText={t(replacing ? 'repair.board.redispatch' : 'repair.board.outageDispatch')}
      okButtonProps={{ disabled: !crewId, loading: dispatch.isPending }}
      onOk={() => {
        if (!crewId) return;
        dispatch.mutate(
          { outageId: outage.id, crewId, ...(replacing ? { replace: true } : {}) },
          {
            onSuccess: (job) => {
              void message.success(t('repair.dispatch.done', { crew: job.crew.name }));
              onClose();
            },
            onError: notifyError,
          },
        );
      }}
    >
      {replacing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('repair.dispatch.replaceNote', { crew: replacing.crew.name })}
        />
      )}
      {candidates.length === 0 && !suggestion.isLoading ? (
        <Empty description={t('repair.dispatch.none')} />
      ) : (
        <Radio.Group value={crewId} onChange={(e) => setPicked(e.target.value as string)}>
          <Space direction="vertical">
            {candidates.map((c) => (
              <Radio key={c.crew.id} value={c.crew.id}>
                {/* On the label, not the Radio: antd hands extra props to the hidden input. */}
                <span data-testid="outage-crew-candidate" data-suggested={c.suggested}>
                  {c.crew.name} <CrewStateTag state={c.state} />
                  <Tag>
                    {c.match === 'area'
                      ? t('repair.dispatch.match.area', { n: c.overlap })
                      : t('repair.dispatch.match.unit')}
                  </Tag>
                  {c.distanceKm !== null && (
                    <Tag>{t('repair.dispatch.distance', { km: c.distanceKm })}</Tag>
                  )}
                  {c.busy && <Tag color="red">{t('repair.dispatch.busy')}</Tag>}
                  {c.suggested && <Tag color="green">{t('repair.dispatch.suggested')}</Tag>}
                </span>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
    </Modal>
  );
}
