import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createElement, useCallback } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface FieldIssue {
  path?: string;
  message?: string;
}

/**
 * Shows an API error to the user in the server's own words. On a version clash (someone else
 * saved first) it refetches everything, so the next attempt starts from fresh data.
 */
export function useNotifyError(): (err: unknown) => void {
  const { message, notification } = App.useApp();
  const qc = useQueryClient();
  const { t } = useI18n();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) {
        void message.error(t('error.unexpected'));
        return;
      }
      if (err.code === 'VERSION_CONFLICT') {
        void qc.invalidateQueries();
        notification.warning({ message: err.message, description: t('error.reloaded') });
        return;
      }
      if (err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
        const issues = (err.details as FieldIssue[]).map((d, i) =>
          createElement('li', { key: i }, `${d.path ?? ''}: ${d.message ?? ''}`),
        );
        notification.error({
          message: err.message,
          description: createElement('ul', null, issues),
        });
        return;
      }
      void message.error(err.message);
    },
    [message, notification, qc, t],
  );
}
