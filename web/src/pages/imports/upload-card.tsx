import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import {
  IMPORT_KINDS,
  IMPORT_MAX_FILE_BYTES,
  type ImportKind,
  type ImportMode,
} from '../../../../common/schemas/imports.ts';
import { templateUrl, useUploadImport } from '../../api/imports.ts';
import { useSession } from '../../components/session-context.ts';
import { useNotifyError } from '../../components/use-notify-error.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { KIND_KEYS, MODE_KEYS } from './import-labels.tsx';

const ACCEPTED = /\.(csv|xlsx)$/i;
const MODES: ImportMode[] = ['all_or_nothing', 'good_rows'];

/** 32 random hex digits. Not crypto.randomUUID: it is missing on plain-http intranet hosts. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** Picks a file, its kind and how strict to be, and starts the import (it runs in the background). */
export function UploadCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const upload = useUploadImport();
  const notifyError = useNotifyError();
  const [kind, setKind] = useState<ImportKind>('customers');
  // All-or-nothing by default: a half-imported archive is harder to repair than a rejected file.
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [picked, setPicked] = useState<{ file: File; key: string } | null>(null);
  const fileList: UploadFile[] = picked
    ? [{ uid: picked.key, name: picked.file.name, status: 'done' }]
    : [];

  // Checked here for a quick answer; the server checks again.
  const pick = (f: File): false | typeof Upload.LIST_IGNORE => {
    if (!ACCEPTED.test(f.name)) {
      void message.error(t('imports.badType'));
      return Upload.LIST_IGNORE;
    }
    if (f.size > IMPORT_MAX_FILE_BYTES) {
      void message.error(t('imports.tooLarge'));
      return Upload.LIST_IGNORE;
    }
    setPicked({ file: f, key: randomKey() });
    return false; // keep the file; it is sent with the start button, not on drop
  };

  const start = () => {
    if (!picked) return;
    upload.mutate(
      // The key goes with kind and mode: the same file sent again in another mode is a new import.
      {
        kind,
        mode,
        file: picked.file,
        csrfToken: me.csrfToken,
        idempotencyKey: `${picked.key}:${kind}:${mode}`,
        lang,
      },
      {
        onSuccess: () => {
          setPicked(null);
          void message.success(t('imports.started'));
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Card size="small" title={t('imports.uploadTitle')} style={{ height: '100%' }}>
      <Form layout="horizontal" labelCol={{ flex: '96px' }} colon={false}>
        <Form.Item label={t('imports.kind')} style={{ marginBottom: 8 }}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ImportKind)}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
            data-testid="import-kind"
          />
        </Form.Item>
        <Form.Item
          label={t('imports.mode')}
          extra={t(mode === 'good_rows' ? 'imports.modeHint.good_rows' : 'imports.modeHint.all')}
          style={{ marginBottom: 8 }}
        >
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={MODES.map((m) => ({ value: m, label: t(MODE_KEYS[m]) }))}
            data-testid="import-mode"
          />
        </Form.Item>
        <Form.Item label={t('imports.templates')} style={{ marginBottom: 8 }}>
          <Space size="middle" wrap>
            {IMPORT_KINDS.map((k) => (
              <a key={k} href={templateUrl(k)} download data-testid={`import-template-${k}`}>
                <DownloadOutlined /> {t('imports.templateOf', { kind: t(KIND_KEYS[k]) })}
              </a>
            ))}
          </Space>
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".csv,.xlsx"
        maxCount={1}
        multiple={false}
        fileList={fileList}
        beforeUpload={pick}
        onRemove={() => setPicked(null)}
        data-testid="import-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.dropHere')}</p>
        <Typography.Text type="secondary">{t('imports.fileHint')}</Typography.Text>
      </Upload.Dragger>
      <Button
        type="primary"
        block
        style={{ marginTop: 12 }}
        disabled={!picked}
        loading={upload.isPending}
        onClick={start}
        data-testid="import-start"
      >
        {t('imports.start')}
      </Button>
    </Card>
  );
}
