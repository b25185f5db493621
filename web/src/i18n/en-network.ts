import type { zhNetwork } from './zh-network.ts';

export const enNetwork: Record<keyof typeof zhNetwork, string> = {
  'network.placeholder': 'Coming soon',
};
