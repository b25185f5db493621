/** Error codes of the `notify` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const NOTIFY_ERRORS = {} as const satisfies Record<
  string,
  { status: number; zh: string; en: string }
>;
