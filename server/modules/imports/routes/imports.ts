import crypto from 'node:crypto';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import { z } from 'zod';
import {
  CreateImportFields,
  DataImport,
  DataImportList,
  IMPORT_MAX_FILE_BYTES,
  ImportIdParams,
  ImportListQuery,
  ImportTemplateParams,
} from '../../../../common/schemas/imports.js';
import { attachment } from '../../../http/content-disposition.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { authorize } from '../../auth/index.js';
import { checkUpload, createImport, type UploadedFile } from '../service/create-import.js';
import {
  errorReportCsv,
  getImportView,
  importErrors,
  listImportsView,
} from '../service/view-imports.js';
import { templateWorkbook } from '../service/workbooks.js';

const tags = ['imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function isUpload(v: unknown): v is UploadedFile {
  const f = v as Partial<UploadedFile> | null;
  return (
    typeof f === 'object' && f !== null && typeof f.filename === 'string' && Buffer.isBuffer(f.data)
  );
}

/** The file part; in the OpenAPI document a binary string of a multipart form. */
const FilePart = z.custom<UploadedFile>(isUpload, { message: 'A file part (.csv or .xlsx)' }).meta({
  type: 'string',
  format: 'binary',
  description: '.csv (UTF-8 or GBK) or .xlsx, at most 50 MB',
});

const CreateImportBody = CreateImportFields.extend({ file: FilePart });

/** Reads the file part into memory (the job needs the whole file, it is stored as it came). */
async function onFile(this: unknown, part: MultipartFile): Promise<void> {
  const data = await part.toBuffer();
  const upload = {
    filename: part.filename,
    size: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
  };
  Object.defineProperty(upload, 'data', { value: data, enumerable: false });
  (part as unknown as { value: unknown }).value = upload;
}

export function importRoutes(app: App): void {
  const db = () => app.deps.database.db;

  // The upload takes multipart/form-data only, with its own size limit; the app's 1 MiB body
  // limit stays for every JSON route.
  void app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    // Callers without the permission are refused before a byte of their upload is read.
    scope.addHook('onRequest', (request, _reply, done) => {
      try {
        authorize(actorOf(request), 'customer.import');
        done();
      } catch (e) {
        done(e as Error);
      }
    });
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
    });
    scope.post(
      '/api/imports',
      {
        schema: {
          tags,
          summary:
            '上传导入文件 Upload a customer or network file (multipart/form-data); runs as a job',
          consumes: ['multipart/form-data'],
          body: CreateImportBody,
          response: { 202: DataImport },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { file, ...fields } = request.body;
        const format = await checkUpload(actor, fields, file);
        const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
          createImport({ tx, actor, meta: metaOf(request) }, fields, file, format),
        );
        return reply.status(202).send(body);
      },
    );
  });

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: '导入任务列表 Imports in your scope, newest first',
        querystring: ImportListQuery,
        response: { 200: DataImportList },
      },
    },
    async (request) => listImportsView({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/imports/templates/:kind',
    {
      schema: {
        tags,
        summary: '导入模板 The .xlsx template of an import, with the headers and an example',
        params: ImportTemplateParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      authorize(actorOf(request), 'customer.import');
      const kind = request.params.kind;
      const file = await templateWorkbook(kind);
      const name = kind === 'customers' ? '客户档案导入模板.xlsx' : '电网设备导入模板.xlsx';
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: '导入进度 One import with its progress and first errors',
        params: ImportIdParams,
        response: { 200: DataImport },
      },
    },
    async (request) => getImportView({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.get(
    '/api/imports/:id/errors',
    {
      schema: {
        tags,
        summary: '错误报告 Every rejected row of a finished import as CSV (UTF-8 with BOM)',
        params: ImportIdParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const errors = await importErrors({ tx: db(), actor: actorOf(request) }, id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`import-errors-${id}.csv`))
        .send(errorReportCsv(errors));
    },
  );
}
