/** Browser tests of the wall board (being built). */
import type { Test } from './types.js';

export const wallboardTests: [string, Test][] = [];
