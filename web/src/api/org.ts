import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitKind, UnitLevel } from '../../../common/org-levels.ts';
import type { Unit } from '../../../common/schemas/units.ts';
import { api } from './client.ts';

export const unitsKey = ['units'] as const;

/** Every unit in the caller's scope, inactive ones included, parents first. */
export function useUnits(enabled = true) {
  return useQuery({
    queryKey: unitsKey,
    queryFn: () =>
      api<{ items: Unit[]; total: number }>('GET', '/api/org/units', {
        query: { includeInactive: true },
      }),
    enabled,
  });
}

export type UnitCommand =
  | {
      kind: 'create';
      parentId: string;
      name: string;
      code: string;
      level: UnitLevel;
      unitKind: UnitKind;
    }
  | {
      kind: 'update';
      id: string;
      version: number;
      name?: string;
      code?: string;
      unitKind?: UnitKind;
    }
  | { kind: 'move'; id: string; version: number; parentId: string }
  | { kind: 'deactivate' | 'activate'; id: string; version: number };

function run(cmd: UnitCommand): Promise<Unit> {
  switch (cmd.kind) {
    case 'create':
      return api('POST', '/api/org/units', {
        body: {
          parentId: cmd.parentId,
          name: cmd.name,
          code: cmd.code,
          level: cmd.level,
          kind: cmd.unitKind,
        },
      });
    case 'update':
      return api('PATCH', `/api/org/units/${cmd.id}`, {
        body: { version: cmd.version, name: cmd.name, code: cmd.code, kind: cmd.unitKind },
      });
    case 'move':
      return api('POST', `/api/org/units/${cmd.id}/move`, {
        body: { version: cmd.version, parentId: cmd.parentId },
      });
    case 'deactivate':
    case 'activate':
      return api('POST', `/api/org/units/${cmd.id}/${cmd.kind}`, {
        body: { version: cmd.version },
      });
  }
}

/** Every change to the tree; the list is refetched afterwards, whatever the outcome. */
export function useUnitCommand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: unitsKey }),
  });
}
