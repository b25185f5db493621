import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Tree, Typography } from 'antd';
import { useEffect, useState, type Key } from 'react';
import type { Taxonomy, TaxonomyNode } from '../../../../common/orders/taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nodeKey } from './taxonomy-draft.ts';

/**
 * Types and their subtypes. The top-level types are fixed (the order loop knows their
 * behaviour); subtypes are added and removed here.
 */
export function TaxonomyTree(props: {
  taxonomy: Taxonomy;
  selectedKey: string;
  onSelect: (key: string) => void;
  readOnly: boolean;
  onAddSubtype: (typeCode: string) => void;
  onRemoveSubtype: (typeCode: string, code: string) => void;
}) {
  const { t, pick } = useI18n();
  const { taxonomy, selectedKey } = props;
  const [typeCode, subCode] = selectedKey.split('/') as [string, string | undefined];
  const [expanded, setExpanded] = useState<Key[]>([typeCode]);

  // A newly selected subtype (one just added) shows inside its open type.
  useEffect(() => {
    setExpanded((keys) => (keys.includes(typeCode) ? keys : [...keys, typeCode]));
  }, [typeCode]);

  const title = (node: TaxonomyNode, key: string) => (
    <span data-testid="taxonomy-node" data-key={key}>
      <Typography.Text type={node.active ? undefined : 'secondary'} delete={!node.active}>
        {pick(node.name)}
      </Typography.Text>
      {!node.active && (
        <Tag style={{ marginLeft: 6 }} bordered={false}>
          {t('orderSettings.node.inactive')}
        </Tag>
      )}
    </span>
  );
  const treeData = taxonomy.types.map((type) => ({
    key: type.code,
    title: title(type, type.code),
    children: type.subtypes.map((s) => ({
      key: nodeKey(type.code, s.code),
      title: title(s, nodeKey(type.code, s.code)),
      isLeaf: true,
    })),
  }));

  return (
    <>
      {!props.readOnly && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid="subtype-add"
            onClick={() => props.onAddSubtype(typeCode)}
          >
            {t('orderSettings.subtype.add')}
          </Button>
          <Popconfirm
            title={t('orderSettings.subtype.confirmRemove')}
            description={t('orderSettings.subtype.removeHint')}
            disabled={subCode === undefined}
            onConfirm={() => subCode && props.onRemoveSubtype(typeCode, subCode)}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={subCode === undefined}
              data-testid="subtype-remove"
            >
              {t('orderSettings.subtype.remove')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      <Tree
        blockNode
        showLine
        treeData={treeData}
        selectedKeys={[selectedKey]}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        onSelect={(keys) => {
          const key = keys[0];
          if (key !== undefined) props.onSelect(String(key));
        }}
        data-testid="taxonomy-tree"
      />
    </>
  );
}
