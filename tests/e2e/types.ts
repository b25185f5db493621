import type { Browser, Page } from 'playwright-core';

/** What every browser test gets: the browser, the server's address and whether the demo is fresh. */
export interface Env {
  browser: Browser;
  url: string;
  /** Whether this run loaded the demo, so exact demo figures can be asserted. */
  freshDemo: boolean;
}

/** One browser test: it gets a fresh page (own cookies) and throws to fail. */
export type Test = (env: Env, page: Page) => Promise<void>;
