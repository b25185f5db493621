/** Attachments of work orders: upload checked by content, durable local storage, download. */
import path from 'node:path';
import type { App } from '../../../http/context.js';
import { attachmentRoutes } from './routes.js';
import { localAttachmentStorage, type AttachmentStorage } from './storage.js';

export type { AttachmentStorage } from './storage.js';

/** The attachment routes, storing files under `<DATA_DIR>/attachments` unless told otherwise. */
export function registerAttachmentRoutes(
  app: App,
  storage: AttachmentStorage = localAttachmentStorage(
    path.join(app.deps.config.dataDir, 'attachments'),
  ),
): void {
  attachmentRoutes(app, storage);
}
