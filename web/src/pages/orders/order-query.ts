import dayjs, { type Dayjs } from 'dayjs';
import type { OrderQuery } from '../../api/orders.ts';
import { beijingIso } from '../../i18n/format.ts';

/** The list parameters a saved view keeps (paging is not part of a view). */
export const VIEW_PARAMS = [
  'type',
  'state',
  'slaStatus',
  'flag',
  'open',
  'from',
  'to',
  'q',
  'sort',
  'unitId',
  'ownerId',
  'customerId',
] as const;

export const DEFAULT_PAGE_SIZE = 20;

/** The filters and sort of the URL, as a saved view stores them. */
export function viewQuery(params: URLSearchParams): OrderQuery {
  const out: OrderQuery = {};
  for (const k of VIEW_PARAMS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The API query for the URL: the view's parameters plus the page. */
export function listQuery(params: URLSearchParams): OrderQuery {
  return {
    ...viewQuery(params),
    page: params.get('page') ?? '1',
    pageSize: params.get('pageSize') ?? String(DEFAULT_PAGE_SIZE),
  };
}

export interface FilterValues {
  type?: string[];
  state?: string[];
  slaStatus?: string[];
  flag?: string;
  open?: boolean;
  range?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

const list = (s: string | null) => (s ? s.split(',').filter(Boolean) : []);
// The URL holds whole Beijing days (…T00:00:00+08:00): its first ten characters are the date.
const day = (iso: string | null) => (iso ? dayjs(iso.slice(0, 10)) : null);

export function filterValues(params: URLSearchParams): FilterValues {
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  return {
    type: list(params.get('type')),
    state: list(params.get('state')),
    slaStatus: list(params.get('slaStatus')),
    flag: params.get('flag') ?? undefined,
    open: params.get('open') === 'true',
    range: from || to ? [from, to] : null,
    q: params.get('q') ?? '',
  };
}

/** The form's filters as URL parameters; the sort and the scope parameters are kept. */
export function filterParams(v: FilterValues, keep: URLSearchParams): OrderQuery {
  const out: OrderQuery = {};
  for (const k of ['sort', 'unitId', 'ownerId', 'customerId'] as const) {
    const s = keep.get(k);
    if (s) out[k] = s;
  }
  if (v.type?.length) out.type = v.type.join(',');
  if (v.state?.length) out.state = v.state.join(',');
  if (v.slaStatus?.length) out.slaStatus = v.slaStatus.join(',');
  if (v.flag) out.flag = v.flag;
  if (v.open) out.open = 'true';
  if (v.range?.[0]) out.from = beijingIso(v.range[0].startOf('day'));
  if (v.range?.[1]) out.to = beijingIso(v.range[1].endOf('day'));
  if (v.q?.trim()) out.q = v.q.trim();
  return out;
}
