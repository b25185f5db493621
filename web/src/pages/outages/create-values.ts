import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { OutageCategory } from '../../../../common/outages/categories.ts';
import type { CreateOutageInput } from '../../../../common/schemas/outages.ts';
import { ApiError } from '../../api/client.ts';
import { pickedIso } from './outage-times.ts';
import { scopeInput } from './scope-picker.tsx';

/** The create form's values. */
export interface OutageValues {
  category?: OutageCategory;
  title?: string;
  reason?: string;
  faultType?: string;
  equipment?: string;
  areaText?: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  startedAt?: Dayjs | null;
  estimatedRestoreAt?: Dayjs | null;
  nodes?: string[];
  addresses?: string;
  publish?: boolean;
}

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** Faults are entered after the power went off; the others are announced with a window. */
export const isFault = (c: OutageCategory | undefined) =>
  c === 'grid_fault' || c === 'over_capacity';

export function createInput(v: OutageValues): CreateOutageInput {
  return {
    category: v.category!,
    title: (v.title ?? '').trim(),
    reason: (v.reason ?? '').trim(),
    faultType: clean(v.faultType),
    equipment: clean(v.equipment),
    areaText: (v.areaText ?? '').trim(),
    plannedStart: pickedIso(v.plannedStart),
    plannedEnd: pickedIso(v.plannedEnd),
    startedAt: pickedIso(v.startedAt),
    estimatedRestoreAt: pickedIso(v.estimatedRestoreAt),
    scope: scopeInput(v.nodes ?? [], v.addresses),
    publish: v.publish === true,
  };
}

const FIELDS = [
  'category',
  'title',
  'reason',
  'faultType',
  'equipment',
  'areaText',
  'plannedStart',
  'plannedEnd',
  'startedAt',
  'estimatedRestoreAt',
  'publish',
] as const;

/** The form field an API path names (`plannedEnd`, `body.title`, `scope.feeders.0` …). */
function fieldOf(path: string): string | null {
  const p = path.replace(/^body\./, '');
  if (p.startsWith('scope.addresses')) return 'addresses';
  if (p.startsWith('scope')) return 'nodes';
  const top = p.split('.')[0]!;
  return (FIELDS as readonly string[]).includes(top) ? top : null;
}

/** Paths and messages in an error's details: `[{path: [...], message}]` from the schema. */
function issuesIn(details: unknown): { path: string; message?: string }[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (!d || typeof d !== 'object') return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    const p = Array.isArray(path) ? path.join('.') : path;
    return typeof p === 'string'
      ? [{ path: p, message: typeof message === 'string' ? message : undefined }]
      : [];
  });
}

/**
 * Puts the server's complaints next to the fields they are about. Returns whether any field was
 * marked; the caller shows the message either way.
 */
export function markServerErrors(form: FormInstance<OutageValues>, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const marks: { name: string; errors: string[] }[] = [];
  if (err.code === 'OUTAGE_SCOPE_EMPTY' || err.code === 'OUTAGE_NODE_NOT_FOUND') {
    marks.push({ name: 'nodes', errors: [err.message] });
  } else {
    for (const { path, message } of issuesIn(err.details)) {
      const name = fieldOf(path);
      if (name) marks.push({ name, errors: [message ?? err.message] });
    }
  }
  if (marks.length === 0) return false;
  form.setFields(marks as Parameters<typeof form.setFields>[0]);
  form.scrollToField(marks[0]!.name);
  return true;
}
