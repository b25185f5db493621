import type { zhCustomers } from './zh-customers.ts';

export const enCustomers: Record<keyof typeof zhCustomers, string> = {
  'customers.placeholder': 'Coming soon',
};
