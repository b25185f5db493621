import { Tag } from 'antd';
import type { ImportKind, ImportMode, ImportStatus } from '../../../../common/schemas/imports.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';

export const KIND_KEYS: Record<ImportKind, MessageKey> = {
  customers: 'imports.kind.customers',
  network: 'imports.kind.network',
};

export const MODE_KEYS: Record<ImportMode, MessageKey> = {
  all_or_nothing: 'imports.mode.all_or_nothing',
  good_rows: 'imports.mode.good_rows',
};

const STATUS_LOOK: Record<ImportStatus, { key: MessageKey; color: string }> = {
  queued: { key: 'imports.status.queued', color: 'default' },
  running: { key: 'imports.status.running', color: 'processing' },
  succeeded: { key: 'imports.status.succeeded', color: 'success' },
  failed: { key: 'imports.status.failed', color: 'error' },
  rejected: { key: 'imports.status.rejected', color: 'warning' },
};

/** 排队中 / 导入中 / 已完成 / 失败 / 已拒绝. */
export function StatusTag({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  const look = STATUS_LOOK[status];
  return (
    <Tag color={look.color} data-testid="import-status" data-status={status}>
      {t(look.key)}
    </Tag>
  );
}

/** A file size for people: 12.3 KB, 4.5 MB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
