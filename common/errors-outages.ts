/** Error codes of the `outages` module; merged into ERROR_CATALOGUE (common/errors.ts). */
export const OUTAGES_ERRORS = {} as const satisfies Record<
  string,
  { status: number; zh: string; en: string }
>;
