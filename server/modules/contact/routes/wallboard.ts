/** HTTP route of the wall board (大屏): the center's live figures (being built). */
import type { App } from '../../../http/context.js';

export function wallboardRoutes(_app: App): void {}
