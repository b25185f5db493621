import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { ASKED_FIELDS, ORDER_FIELDS, type OrderField } from '../../../../common/orders/fields.ts';
import type { OrderChannel } from '../../../../common/orders/states.ts';
import type { ResolvedType } from '../../../../common/orders/taxonomy.ts';
import type { CreateOrderInput } from '../../../../common/schemas/orders.ts';
import { ApiError } from '../../api/client.ts';
import { beijingIso } from '../../i18n/format.ts';

export type DispatchMode = 'auto' | 'unit' | 'hold';

/** The create form; `fields` holds the type-specific fields under the names the API uses. */
export interface CreateValues {
  type?: string[];
  title?: string;
  description?: string;
  channel: OrderChannel;
  customerId?: string;
  callerName?: string;
  callerPhone?: string;
  address?: string;
  locationUnitId?: string;
  dispatchMode: DispatchMode;
  dispatchTo?: string;
  /** Absent from the submitted values when the type requires none. */
  fields?: Partial<Record<OrderField, string | boolean | Dayjs | undefined>>;
}

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * The fields a (sub)type shows: its required ones, those asked of every call of its type, and
 * the reason when the caller went over.
 */
export function shownFields(resolved: ResolvedType | null, overLevel: boolean): OrderField[] {
  if (!resolved) return [];
  const out = [...resolved.requiredFields, ...(ASKED_FIELDS[resolved.type.code] ?? [])];
  if (overLevel && out.includes('overLevel') && !out.includes('overLevelReason')) {
    out.push('overLevelReason');
  }
  return ORDER_FIELDS.filter((f) => out.includes(f));
}

/** The shown fields an agent may leave empty: asked of the type, not required by it. */
export function optionalFields(resolved: ResolvedType | null): OrderField[] {
  if (!resolved) return [];
  return (ASKED_FIELDS[resolved.type.code] ?? []).filter(
    (f) => !resolved.requiredFields.includes(f),
  );
}

/** The API input for the form; only the fields the chosen type shows are sent. */
export function createInput(v: CreateValues, resolved: ResolvedType): CreateOrderInput {
  const fields: Record<string, unknown> = {};
  for (const f of shownFields(resolved, v.fields?.overLevel === true)) {
    // A switch left untouched means no.
    const value = f === 'overLevel' ? (v.fields?.[f] ?? false) : v.fields?.[f];
    if (value === undefined || value === '') continue;
    if (f === 'faultTime') fields[f] = beijingIso(value as Dayjs);
    else fields[f] = typeof value === 'string' ? value.trim() : value;
  }
  return {
    typeCode: resolved.type.code,
    subtypeCode: resolved.subtype?.code ?? null,
    channel: v.channel,
    title: (v.title ?? '').trim(),
    description: (v.description ?? '').trim(),
    customerId: v.customerId,
    callerName: clean(v.callerName),
    callerPhone: clean(v.callerPhone),
    address: clean(v.address),
    fields,
    locationUnitId: v.customerId ? undefined : v.locationUnitId,
    dispatchTo: v.dispatchMode === 'unit' ? v.dispatchTo : undefined,
    autoDispatch: v.dispatchMode !== 'hold',
  };
}

type NamePath = (string | number)[];

/** The form field an API path names (`fields.faultTime`, `typeCode`, `callerPhone` …). */
function fieldOf(path: string): NamePath | null {
  const p = path.replace(/^body\./, '');
  if (p === 'typeCode' || p === 'subtypeCode') return ['type'];
  if (p.startsWith('fields.')) return ['fields', p.slice('fields.'.length).split('.')[0]!];
  if ((ORDER_FIELDS as readonly string[]).includes(p)) return ['fields', p];
  const top = p.split('.')[0]!;
  const known = [
    'title',
    'description',
    'channel',
    'customerId',
    'callerName',
    'callerPhone',
    'address',
    'locationUnitId',
    'dispatchTo',
  ];
  return known.includes(top) ? [top] : null;
}

/** Names in an error's details, whatever shape they come in (list of paths, {fields: […]} …). */
function namesIn(details: unknown): { path: string; message?: string }[] {
  if (typeof details === 'string') return [{ path: details }];
  if (Array.isArray(details)) return details.flatMap(namesIn);
  if (details && typeof details === 'object') {
    const d = details as Record<string, unknown>;
    // Schema errors name a dotted path; the service's own checks a list of keys.
    const raw = d.path ?? d.field;
    const path = Array.isArray(raw) ? raw.join('.') : raw;
    if (typeof path === 'string') {
      return [{ path, message: typeof d.message === 'string' ? d.message : undefined }];
    }
    return Object.values(d).flatMap(namesIn);
  }
  return [];
}

/**
 * Puts the server's complaints next to the fields they are about. Returns whether any field was
 * marked; the caller shows the message either way.
 */
export function markServerErrors(
  form: FormInstance<CreateValues>,
  err: unknown,
  fallback: string,
): boolean {
  if (!(err instanceof ApiError)) return false;
  let marks: { name: NamePath; errors: string[] }[] = [];
  if (err.code === 'VALIDATION_FAILED' || err.code === 'ORDER_FIELDS_MISSING') {
    for (const { path, message } of namesIn(err.details)) {
      const name = fieldOf(path);
      if (name) marks.push({ name, errors: [message ?? fallback] });
    }
  } else if (err.code === 'ORDER_TYPE_UNKNOWN') {
    marks = [{ name: ['type'], errors: [err.message] }];
  } else if (err.code === 'ORDER_NO_UNIT') {
    // Routing found no unit: choose one, or keep the order at the center for now.
    marks = [{ name: ['dispatchMode'], errors: [err.message] }];
  }
  if (marks.length === 0) return false;
  form.setFields(marks as Parameters<typeof form.setFields>[0]);
  form.scrollToField(marks[0]!.name);
  return true;
}
