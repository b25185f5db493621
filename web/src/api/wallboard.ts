import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Wallboard } from '../../../common/schemas/wallboard.ts';
import { api } from './client.ts';
import { useLiveEvents } from './events.ts';

export const wallboardKey = ['wallboard'] as const;

/** A refetch in case a nudge was lost (a planned outage's window opening sends none either). */
const FALLBACK_MS = 60_000;

/**
 * Today's figures of the wall board (the whole service area, or one unit), refetched when the
 * server nudges (`event: wallboard`, at most once a second) and after the stream comes back. A
 * nudge that arrives while a fetch is running is kept for one more fetch after it, never dropped
 * and never piled up.
 */
export function useWallboard(unitId: string | null) {
  const query = useQuery({
    queryKey: [...wallboardKey, unitId],
    queryFn: () =>
      api<Wallboard>('GET', '/api/contact/wallboard', { query: { unitId: unitId ?? undefined } }),
    refetchInterval: FALLBACK_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const pending = useRef(false);
  const refetch = () => {
    if (query.isFetching) pending.current = true;
    else void query.refetch();
  };
  useLiveEvents('wallboard', refetch, refetch);
  const { isFetching, refetch: again } = query;
  useEffect(() => {
    if (isFetching || !pending.current) return;
    pending.current = false;
    void again();
  }, [isFetching, again]);
  return query;
}
