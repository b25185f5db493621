/** Error codes of the `repair` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const REPAIR_ERRORS = {} as const satisfies Record<
  string,
  { status: number; zh: string; en: string }
>;
