import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportKind } from '../../../../common/schemas/imports.js';
import type { CustomerExport, CustomerExportLine } from '../../customers/index.js';
import {
  CUSTOMER_COLUMNS,
  NETWORK_COLUMNS,
  NETWORK_EXAMPLES,
  type ColumnDef,
} from '../parse/columns.js';

/**
 * The template of an import: the data sheet first (the importer reads the first sheet) with the
 * headers and an example, then a sheet that explains each column.
 */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianxin';
  const columns: readonly ColumnDef[] = kind === 'customers' ? CUSTOMER_COLUMNS : NETWORK_COLUMNS;
  const data = wb.addWorksheet(kind === 'customers' ? '客户档案' : '电网设备');
  data.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4),
  }));
  data.getRow(1).font = { bold: true };
  // Codes are text: a 16-digit 户号 or a phone typed into a number cell would lose digits.
  for (const key of [
    'accountNo',
    'idNo',
    'phones',
    'meterNo',
    'unitCode',
    'transformerCode',
    'code',
    'parentCode',
  ]) {
    if (columns.some((c) => c.key === key)) data.getColumn(key).numFmt = '@';
  }
  if (kind === 'customers')
    data.addRow(Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c.key, c.example])));
  else for (const ex of NETWORK_EXAMPLES) data.addRow(ex);

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '英文列名', key: 'key', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) {
    notes.addRow({
      header: c.header,
      key: c.key,
      required: c.required ? '是' : '否',
      note: c.note,
    });
  }
  notes.addRow({});
  const general =
    kind === 'customers'
      ? [
          '只导入第一个工作表；第一行为表头，可用中文列名或英文列名，列的顺序不限。',
          '编码类字段可填编码或中文名称（如 居民 或 resident）。',
          '户号在本省已存在时更新该客户，否则新增。同一文件内户号不得重复。',
          '也可上传 UTF-8 或 GBK 编码的 CSV 文件，列名相同。',
        ]
      : [
          '只导入第一个工作表；每行一个设备，类型为 变电站 / 线路 / 台区。',
          '线路的上级编码填变电站编码，台区的上级编码填线路编码；上级可在同一文件中（顺序不限）或已在系统中。',
          '编码在本省已存在时更新该设备，否则新增。',
          '也可上传 UTF-8 或 GBK 编码的 CSV 文件，列名相同。',
        ];
  for (const line of general) notes.addRow({ header: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The customer export's columns: the import template's, plus the unit's name and the status. */
const EXPORT_COLUMNS: { key: keyof CustomerExportLine; header: string }[] = [
  ...CUSTOMER_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
  { key: 'unitName', header: '供电单位' },
  { key: 'status', header: '状态' },
];

/**
 * Streams the export as .xlsx: rows are read page by page and written as they come, so memory
 * stays flat whatever the count. An error half-way ends the download (the status is already sent).
 */
export function customerExportStream(exp: CustomerExport): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('客户档案');
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 16 }));
  void (async () => {
    try {
      for await (const line of exp.lines) ws.addRow(line).commit();
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return out;
}
