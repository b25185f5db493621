import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateRoutingRuleInput,
  CreateSlaRuleInput,
  PublishTaxonomyInput,
  RoutingRule,
  RoutingRuleList,
  SlaRule,
  SlaRuleList,
  TaxonomyVersion,
  UpdateRoutingRuleInput,
  UpdateSlaRuleInput,
} from '../../../common/schemas/orders.ts';
import { api } from './client.ts';

export type TaxonomyVersionData = z.infer<typeof TaxonomyVersion>;
export type RoutingRuleData = z.infer<typeof RoutingRule>;
export type SlaRuleData = z.infer<typeof SlaRule>;
export type PublishTaxonomy = z.input<typeof PublishTaxonomyInput>;
export type CreateRoutingRule = z.input<typeof CreateRoutingRuleInput>;
export type UpdateRoutingRule = z.input<typeof UpdateRoutingRuleInput>;
export type CreateSlaRule = z.input<typeof CreateSlaRuleInput>;
export type UpdateSlaRule = z.input<typeof UpdateSlaRuleInput>;

export const orderSettingsKey = ['order-settings'] as const;
const taxonomyKey = [...orderSettingsKey, 'taxonomy'] as const;
const routingKey = [...orderSettingsKey, 'routing'] as const;
const slaKey = [...orderSettingsKey, 'sla'] as const;

/** A published taxonomy: the latest without a version. Old versions never change, so they stay cached. */
export function useTaxonomy(version?: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...taxonomyKey, version ?? 'latest'],
    queryFn: () => api<TaxonomyVersionData>('GET', '/api/order-types', { query: { version } }),
    staleTime: version === undefined ? 0 : Infinity,
  });
}

/** Publishes an edited taxonomy as a new version (409 if someone published since the base). */
export function usePublishTaxonomy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishTaxonomy) =>
      api<TaxonomyVersionData>('PUT', '/api/order-types', { body: input }),
    // The answer is the new latest version: shown at once, without waiting for a refetch.
    onSuccess: (published) => {
      qc.setQueryData([...taxonomyKey, 'latest'], published);
      qc.setQueryData([...taxonomyKey, published.version], published);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: [...taxonomyKey, 'latest'] }),
  });
}

export function useRoutingRules() {
  return useQuery({
    queryKey: routingKey,
    queryFn: () => api<z.infer<typeof RoutingRuleList>>('GET', '/api/order-routing-rules'),
  });
}

export type RoutingRuleCommand =
  | { kind: 'create'; input: CreateRoutingRule }
  | { kind: 'update'; id: string; input: UpdateRoutingRule };

export function useRoutingRuleCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cmd: RoutingRuleCommand): Promise<RoutingRuleData> =>
      cmd.kind === 'create'
        ? api('POST', '/api/order-routing-rules', { body: cmd.input })
        : api('PATCH', `/api/order-routing-rules/${cmd.id}`, { body: cmd.input }),
    onSettled: () => qc.invalidateQueries({ queryKey: routingKey }),
  });
}

export function useSlaRules() {
  return useQuery({
    queryKey: slaKey,
    queryFn: () => api<z.infer<typeof SlaRuleList>>('GET', '/api/order-sla-rules'),
  });
}

export type SlaRuleCommand =
  { kind: 'create'; input: CreateSlaRule } | { kind: 'update'; id: string; input: UpdateSlaRule };

export function useSlaRuleCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cmd: SlaRuleCommand): Promise<SlaRuleData> =>
      cmd.kind === 'create'
        ? api('POST', '/api/order-sla-rules', { body: cmd.input })
        : api('PATCH', `/api/order-sla-rules/${cmd.id}`, { body: cmd.input }),
    onSettled: () => qc.invalidateQueries({ queryKey: slaKey }),
  });
}
