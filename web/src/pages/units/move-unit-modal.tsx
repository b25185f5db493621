import { Alert, Form, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Unit } from '../../../../common/schemas/units.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useUnitCommand } from '../../api/org.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, canMoveUnder, treeOptions } from './unit-tree.ts';

/** Moves a unit (with everything under it) to another parent. */
export function MoveUnitModal(props: { unit: Unit | null; units: Unit[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ parentId: string }>();
  const command = useUnitCommand();
  const notifyError = useNotifyError();
  const { unit, units } = props;
  const tree = useMemo(
    () => (unit ? treeOptions(buildTree(units), canMoveUnder(units, unit)) : []),
    [unit, units],
  );

  useEffect(() => {
    if (unit) form.resetFields();
  }, [unit, form]);

  const submit = ({ parentId }: { parentId: string }) => {
    if (!unit) return;
    command.mutate(
      { kind: 'move', id: unit.id, version: unit.version, parentId },
      {
        onSuccess: props.onClose,
        onError: (e) => {
          notifyError(e);
          if (isVersionConflict(e)) props.onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={unit !== null}
      title={t('units.moveTitle', { name: unit?.name ?? '' })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
      forceRender
    >
      <Alert type="info" showIcon message={t('units.moveNote')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="parentId" label={t('units.newParent')} rules={[{ required: true }]}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" treeDefaultExpandAll />
        </Form.Item>
      </Form>
    </Modal>
  );
}
