import { AREA_CLASS_LABELS, type AreaClass } from '../../../../common/customers/codes.js';
import type { ImportRowError } from '../../../../common/schemas/imports.js';
import { readCode, readNumber, readText, type Cell, type Read } from './cells.js';
import { NETWORK_COLUMNS, type NetworkColumnKey } from './columns.js';

export type NetworkNodeType = 'substation' | 'feeder' | 'transformer';

const TYPE_LABELS: Record<NetworkNodeType, { zh: string; en: string }> = {
  substation: { zh: '变电站', en: 'Substation' },
  feeder: { zh: '线路', en: 'Feeder' },
  transformer: { zh: '台区', en: 'Transformer' },
};
const TYPE_ALIASES: Record<string, NetworkNodeType> = {
  变电所: 'substation',
  馈线: 'feeder',
  '10kv线路': 'feeder',
  配变: 'transformer',
  公变: 'transformer',
  专变: 'transformer',
};

/** A checked network row before its unit and parent are looked up. */
export interface NetworkDraft {
  row: number;
  type: NetworkNodeType;
  code: string;
  name: string;
  parentCode: string | null;
  voltageKv: number | null;
  capacityKva: number | null;
  areaClass: AreaClass;
  lat: number | null;
  lng: number | null;
  unitCode: string;
}

const HEADER = Object.fromEntries(NETWORK_COLUMNS.map((c) => [c.key, c.header])) as Record<
  NetworkColumnKey,
  string
>;

/** The type and code of a row, when both can be read (also for a row that fails other checks). */
export function rowKey(cell: (key: NetworkColumnKey) => Cell): string | null {
  const type = readCode(cell('type'), TYPE_LABELS, { aliases: TYPE_ALIASES });
  const code = readText(cell('code'), { max: 64 });
  return type.ok && type.value && code.ok && code.value ? `${type.value}|${code.value}` : null;
}

/** Checks one network row (every column, so all problems of the row are reported at once). */
export function readNetworkRow(
  row: number,
  cell: (key: NetworkColumnKey) => Cell,
): { draft: NetworkDraft; errors: null } | { draft: null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const take = <T>(key: NetworkColumnKey, r: Read<T>, fallback: T): T => {
    if (r.ok) return r.value;
    errors.push({ row, column: HEADER[key], code: r.code, message: r.message });
    return fallback;
  };
  const fail = (key: NetworkColumnKey, code: string, message: string) =>
    errors.push({ row, column: HEADER[key], code, message });

  const type = take<NetworkNodeType | null>(
    'type',
    readCode(cell('type'), TYPE_LABELS, { required: true, aliases: TYPE_ALIASES }),
    null,
  );
  const code = take<string | null>(
    'code',
    readText(cell('code'), { max: 64, required: true }),
    null,
  );
  const name = take<string | null>(
    'name',
    readText(cell('name'), { max: 64, required: true }),
    null,
  );
  const parentCode = take<string | null>(
    'parentCode',
    readText(cell('parentCode'), { max: 64 }),
    null,
  );
  let voltageKv = take<number | null>(
    'voltageKv',
    readNumber(cell('voltageKv'), { min: 0.22, max: 1000 }),
    null,
  );
  const capacityKva = take<number | null>(
    'capacityKva',
    readNumber(cell('capacityKva'), { min: 1, max: 1_000_000, integer: true }),
    null,
  );
  const areaClass = take<AreaClass | null>(
    'areaClass',
    readCode(cell('areaClass'), AREA_CLASS_LABELS, { required: true }),
    null,
  );
  const lng = take<number | null>('lng', readNumber(cell('lng'), { min: -180, max: 180 }), null);
  const lat = take<number | null>('lat', readNumber(cell('lat'), { min: -90, max: 90 }), null);
  const unitCode = take<string | null>(
    'unitCode',
    readText(cell('unitCode'), { max: 64, required: true }),
    null,
  );

  if (voltageKv !== null) {
    if (!Number.isInteger(voltageKv) || voltageKv < 1) {
      fail('voltageKv', 'NOT_INTEGER', '电压等级须为整数 kV（如 10、35、110）');
      voltageKv = null;
    }
  }
  switch (type) {
    case 'substation':
      if (voltageKv === null && errors.every((e) => e.column !== HEADER.voltageKv)) {
        fail('voltageKv', 'REQUIRED', '变电站须填写电压等级');
      }
      if (parentCode !== null) fail('parentCode', 'NO_PARENT', '变电站没有上级编码，请留空');
      break;
    case 'feeder':
      voltageKv ??= 10;
      if (parentCode === null) fail('parentCode', 'REQUIRED', '线路须填写所属变电站编码');
      break;
    case 'transformer':
      if (capacityKva === null && errors.every((e) => e.column !== HEADER.capacityKva)) {
        fail('capacityKva', 'REQUIRED', '台区须填写容量');
      }
      if (parentCode === null) fail('parentCode', 'REQUIRED', '台区须填写所属线路编码');
      break;
    case null:
      break;
  }
  if (errors.length > 0) return { draft: null, errors };
  return {
    draft: {
      row,
      type: type!,
      code: code!,
      name: name!,
      parentCode,
      voltageKv,
      capacityKva,
      areaClass: areaClass!,
      lat,
      lng,
      unitCode: unitCode!,
    },
    errors: null,
  };
}
