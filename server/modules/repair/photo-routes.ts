/** Upload (multipart) and download of the photos a crew takes on a job. */
import crypto from 'node:crypto';
import path from 'node:path';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import { z } from 'zod';
import { Id } from '../../../common/schemas/primitives.js';
import { JobPhoto } from '../../../common/schemas/repair.js';
import { attachment } from '../../http/content-disposition.js';
import { actorOf, metaOf, type App } from '../../http/context.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { RepairError } from './errors.js';
import {
  ATTACHMENT_MAX_BYTES,
  localAttachmentStorage,
  type AttachmentStorage,
} from '../orders/index.js';
import {
  addJobPhoto,
  checkMayAddPhoto,
  openJobPhoto,
  type UploadedPhoto,
} from './service/job-photos.js';

const tags = ['repair'];
const Params = z.strictObject({ id: Id });
const FileParams = z.strictObject({ id: Id, attachmentId: Id });

function isUpload(v: unknown): v is UploadedPhoto {
  const f = v as Partial<UploadedPhoto> | null;
  return (
    typeof f === 'object' && f !== null && typeof f.filename === 'string' && Buffer.isBuffer(f.data)
  );
}

const FilePart = z.custom<UploadedPhoto>(isUpload, { message: 'A file part' }).meta({
  type: 'string',
  format: 'binary',
  description: 'A photo (jpeg, png, gif, webp) or other attachment kind, at most 10 MB',
});
const UploadBody = z.strictObject({ file: FilePart });

/** Reads the file part into memory (it is checked by its bytes before it is stored). */
async function onFile(this: unknown, part: MultipartFile): Promise<void> {
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new RepairError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
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

/** The photo routes, storing files beside the order attachments under `<DATA_DIR>/attachments`. */
export function jobPhotoRoutes(
  app: App,
  storage: AttachmentStorage = localAttachmentStorage(
    path.join(app.deps.config.dataDir, 'attachments'),
  ),
): void {
  const db = () => app.deps.database.db;

  // Multipart only, with its own size limit; the app's 1 MiB body limit stays for JSON routes.
  void app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    // Refused before a byte of the upload is read.
    scope.addHook('onRequest', async (request) => {
      const id = Id.safeParse((request.params as { id?: unknown }).id);
      await checkMayAddPhoto({ tx: db(), actor: actorOf(request) }, id.success ? id.data : null);
    });
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1000 },
    });
    scope.post(
      '/api/crew/jobs/:id/photos',
      {
        schema: {
          tags,
          summary: '上传现场照片 Add a photo to a job (multipart/form-data)',
          consumes: ['multipart/form-data'],
          params: Params,
          body: UploadBody,
          response: { 201: JobPhoto },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = await addJobPhoto({
          storage,
          actor,
          meta: metaOf(request),
          now: new Date(),
          jobId: request.params.id,
          file: request.body.file,
          transaction: (run) => idempotentCreate(db(), request, actor.userId, run),
        });
        return reply.status(201).send(body);
      },
    );
  });

  app.get(
    '/api/repair/jobs/:id/photos/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载现场照片 Download a photo of a job',
        params: FileParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await openJobPhoto(
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
