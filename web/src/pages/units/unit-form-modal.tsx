import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import {
  levelFitsUnder,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  UNIT_LEVEL_LABELS,
  UNIT_LEVELS,
  type UnitKind,
  type UnitLevel,
} from '../../../../common/org-levels.ts';
import type { Unit } from '../../../../common/schemas/units.ts';
import { isVersionConflict } from '../../api/client.ts';
import { useUnitCommand } from '../../api/org.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { buildTree, treeOptions } from './unit-tree.ts';

export type UnitFormTarget = { mode: 'create'; parentId?: string } | { mode: 'edit'; unit: Unit };

interface Values {
  parentId?: string;
  name: string;
  code: string;
  level?: UnitLevel;
  kind: UnitKind;
}

const CODE_PATTERN = /^[A-Za-z0-9_-]{2,32}$/;

/** Creates a unit under a parent, or renames / recodes / re-kinds one. */
export function UnitFormModal(props: {
  target: UnitFormTarget | null;
  units: Unit[];
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const command = useUnitCommand();
  const notifyError = useNotifyError();
  const { target, units } = props;
  const parentId = Form.useWatch('parentId', form);
  const parent = units.find((u) => u.id === parentId);
  const tree = useMemo(() => treeOptions(buildTree(units), (u) => u.active), [units]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { name, code, kind } = target.unit;
      form.setFieldsValue({ name, code, kind });
    } else {
      form.setFieldsValue({ parentId: target.parentId, kind: 'other' });
    }
  }, [target, form]);

  const submit = (v: Values) => {
    if (!target) return;
    const done = {
      onSuccess: props.onClose,
      onError: (e: unknown) => {
        notifyError(e);
        if (isVersionConflict(e)) props.onClose();
      },
    };
    if (target.mode === 'create') {
      if (!v.parentId || !v.level) return;
      command.mutate(
        {
          kind: 'create',
          parentId: v.parentId,
          name: v.name,
          code: v.code,
          level: v.level,
          unitKind: v.kind,
        },
        done,
      );
      return;
    }
    const u = target.unit;
    command.mutate(
      {
        kind: 'update',
        id: u.id,
        version: u.version,
        name: v.name !== u.name ? v.name : undefined,
        code: v.code !== u.code ? v.code : undefined,
        unitKind: v.kind !== u.kind ? v.kind : undefined,
      },
      done,
    );
  };

  const fitting = UNIT_LEVELS.filter((l) => parent && levelFitsUnder(l, parent.level));
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t('units.edit') : t('units.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {target?.mode === 'create' && (
          <>
            <Form.Item name="parentId" label={t('units.parent')} rules={[{ required: true }]}>
              <TreeSelect
                treeData={tree}
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                onChange={() => form.setFieldValue('level', undefined)}
              />
            </Form.Item>
            <Form.Item name="level" label={t('units.level')} rules={[{ required: true }]}>
              <Select
                disabled={!parent}
                options={fitting.map((l) => ({ value: l, label: pick(UNIT_LEVEL_LABELS[l]) }))}
                onChange={(l: UnitLevel) =>
                  form.setFieldValue('kind', l === 'department' ? 'other' : 'company')
                }
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('units.code')}
          extra={t('units.codeHint')}
          rules={[{ required: true }, { pattern: CODE_PATTERN, message: t('units.codeHint') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select
            options={UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
