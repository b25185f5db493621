/** Simplified Chinese strings of the network pages; `en-network.ts` carries the same keys. */
export const zhNetwork = {
  'network.placeholder': '建设中',
} satisfies Record<string, string>;
