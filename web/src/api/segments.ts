import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSegmentInput,
  Segment,
  SegmentList,
  UpdateSegmentInput,
} from '../../../common/schemas/segments.ts';
import { api } from './client.ts';
import { customersKey } from './customers.ts';

export const segmentsKey = ['segments'] as const;

export function useSegments() {
  return useQuery({
    queryKey: segmentsKey,
    queryFn: () => api<SegmentList>('GET', '/api/segments'),
  });
}

export type SegmentCommand =
  | { kind: 'create'; input: CreateSegmentInput }
  | { kind: 'update'; id: string; input: UpdateSegmentInput };

function run(cmd: SegmentCommand): Promise<Segment> {
  switch (cmd.kind) {
    case 'create':
      return api('POST', '/api/segments', { body: cmd.input });
    case 'update':
      return api('PATCH', `/api/segments/${cmd.id}`, { body: cmd.input });
  }
}

export function useSegmentCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: segmentsKey });
      // A customer's 360° view lists the segments it falls in.
      await qc.invalidateQueries({ queryKey: customersKey });
    },
  });
}
