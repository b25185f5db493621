import crypto from 'node:crypto';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import { z } from 'zod';
import { OrderAttachment } from '../../../../common/schemas/orders.js';
import { Id } from '../../../../common/schemas/primitives.js';
import { attachment } from '../../../http/content-disposition.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { OrdersError } from '../errors.js';
import { ATTACHMENT_MAX_BYTES } from './file-kind.js';
import {
  addAttachment,
  checkMayAttach,
  openAttachment,
  type UploadedAttachment,
} from './service.js';
import type { AttachmentStorage } from './storage.js';

const tags = ['orders'];
const Params = z.strictObject({ id: Id });
const FileParams = z.strictObject({ id: Id, attachmentId: Id });

function isUpload(v: unknown): v is UploadedAttachment {
  const f = v as Partial<UploadedAttachment> | null;
  return (
    typeof f === 'object' && f !== null && typeof f.filename === 'string' && Buffer.isBuffer(f.data)
  );
}

/** The file part; in the OpenAPI document a binary string of a multipart form. */
const FilePart = z.custom<UploadedAttachment>(isUpload, { message: 'A file part' }).meta({
  type: 'string',
  format: 'binary',
  description:
    'jpeg, png, gif, webp, pdf, mp3, wav, m4a, amr, docx, xlsx or UTF-8 .txt, at most 10 MB; ' +
    'the type is judged by the content, not the name',
});

const UploadBody = z.strictObject({ file: FilePart });

/** Reads the file part into memory (it is checked by its bytes before it is stored). */
async function onFile(this: unknown, part: MultipartFile): Promise<void> {
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new OrdersError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
    }
    throw e;
  }
  const upload = {
    filename: part.filename,
    size: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
  };
  Object.defineProperty(upload, 'data', { value: data, enumerable: false });
  (part as unknown as { value: unknown }).value = upload;
}

/** Upload (multipart) and download of the files attached to an order. */
export function attachmentRoutes(app: App, storage: AttachmentStorage): void {
  const db = () => app.deps.database.db;

  // The upload takes multipart/form-data only, with its own size limit; the app's 1 MiB body
  // limit stays for every JSON route.
  void app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    // Refused before a byte of the upload is read: no permission, an order out of sight
    // (ORDER_NOT_FOUND), or no part in working on orders.
    scope.addHook('onRequest', async (request) => {
      const id = Id.safeParse((request.params as { id?: unknown }).id);
      await checkMayAttach({ tx: db(), actor: actorOf(request) }, id.success ? id.data : null);
    });
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1000 },
    });
    scope.post(
      '/api/orders/:id/attachments',
      {
        schema: {
          tags,
          summary: '上传附件 Attach a photo, scan, recording or document (multipart/form-data)',
          consumes: ['multipart/form-data'],
          params: Params,
          body: UploadBody,
          response: { 201: OrderAttachment },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = await addAttachment({
          storage,
          actor,
          meta: metaOf(request),
          now: new Date(),
          orderId: request.params.id,
          file: request.body.file,
          transaction: (run) => idempotentCreate(db(), request, actor.userId, run),
        });
        return reply.status(201).send(body);
      },
    );
  });

  app.get(
    '/api/orders/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件 Download an attachment of an order',
        params: FileParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await openAttachment(
        { tx: db(), actor: actorOf(request), storage },
        request.params.id,
        request.params.attachmentId,
      );
      // Always a download, never rendered in the page: an uploaded file must not run as ours.
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
