import type {
  OutageCategory,
  OutageFlag,
  OutageState,
} from '../../../common/outages/categories.js';
import type { OutageSummary } from '../../../common/schemas/outages.js';
import type { OutageRow } from './store.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentOutageSummary(o: OutageRow): OutageSummary {
  return {
    id: o.id,
    number: o.number,
    category: o.category as OutageCategory,
    state: o.state as OutageState,
    title: o.title,
    areaText: o.area_text,
    plannedStart: iso(o.planned_start),
    plannedEnd: iso(o.planned_end),
    startedAt: iso(o.started_at),
    estimatedRestoreAt: iso(o.estimated_restore_at),
    restoredAt: iso(o.restored_at),
    flags: o.flags as OutageFlag[],
    source: o.source as 'manual' | 'analysis',
    affectedCustomers: o.affected_customers,
    importantCustomers: o.important_customers,
    linkedOrders: o.linked_orders,
    unit: { id: o.org_id, name: o.unit_name },
    version: o.version,
  };
}
