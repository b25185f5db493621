/** Simplified Chinese strings of the customers pages; `en-customers.ts` carries the same keys. */
export const zhCustomers = {
  'customers.placeholder': '建设中',
} satisfies Record<string, string>;
