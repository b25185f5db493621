import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type {
  AnalysisSettings,
  PredictionDetail,
  PredictionList,
  PredictionState,
  UpdateAnalysisSettingsInput,
} from '../../../common/schemas/outage-predictions.ts';
import { api } from './client.ts';
import { useLiveEvents } from './events.ts';
import { outagesKey } from './outages.ts';

export const predictionsKey = ['outage-predictions'] as const;
const listKey = [...predictionsKey, 'list'] as const;
const detailKey = (id: string) => [...predictionsKey, 'detail', id] as const;
const settingsKey = [...predictionsKey, 'settings'] as const;

export interface PredictionQuery {
  state?: PredictionState | undefined;
  page: number;
  pageSize: number;
}

export function usePredictionList(query: PredictionQuery) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: () =>
      api<PredictionList>('GET', '/api/outages/predictions', {
        query: { state: query.state, page: query.page, pageSize: query.pageSize },
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePrediction(id: string, enabled = true) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api<PredictionDetail>('GET', `/api/outages/predictions/${id}`),
    enabled,
  });
}

/** Confirm or reject; the answer is the prediction as it now stands. */
export function useDecidePrediction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { id: string; version: number } & (
        { action: 'confirm' } | { action: 'reject'; reason: string }
      ),
    ) =>
      api<PredictionDetail>('POST', `/api/outages/predictions/${v.id}/${v.action}`, {
        body:
          v.action === 'reject' ? { version: v.version, reason: v.reason } : { version: v.version },
      }),
    onSuccess: (detail) => {
      qc.setQueryData(detailKey(detail.id), detail);
      // A confirmed prediction is a new outage.
      void qc.invalidateQueries({ queryKey: outagesKey });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: listKey }),
  });
}

export function useAnalysisSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api<AnalysisSettings>('GET', '/api/outages/analysis-settings'),
  });
}

export function useSaveAnalysisSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAnalysisSettingsInput) =>
      api<AnalysisSettings>('PUT', '/api/outages/analysis-settings', { body: input }),
    onSuccess: (s) => qc.setQueryData(settingsKey, s),
  });
}

/** An `event: outage` message about a prediction (topic outage.prediction). */
interface PredictionLiveEvent {
  predictionId?: string;
  version?: number;
}

/**
 * Keeps the prediction lists and details current from the server's pushed events: lists are
 * refetched shortly after a burst (a storm sends many), a detail whenever its prediction changed.
 */
export function useLivePredictions() {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (e: PredictionLiveEvent) => {
      if (!e.predictionId) return; // an outage's own change
      void qc.invalidateQueries({ queryKey: detailKey(e.predictionId) });
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void qc.invalidateQueries({ queryKey: listKey });
      }, 500);
    },
    [qc],
  );
  useLiveEvents('outage', onEvent, () => void qc.invalidateQueries({ queryKey: predictionsKey }));
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
}
