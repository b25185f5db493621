/** Browser tests of the agent desktop (being built). */
import type { Test } from './types.js';

export const deskTests: [string, Test][] = [];
