export { PHONE_PATTERN } from '../../../common/formats.ts';

/** An empty or blank form field means "no value" to the API. */
export const blankToNull = (s: string | undefined): string | null => (s?.trim() ? s.trim() : null);
