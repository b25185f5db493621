import { z } from 'zod';

export const DashboardSummary = z.object({
  units: z.number().int(),
  users: z.number().int(),
  activeUsers: z.number().int(),
  customers: z.number().int(),
  activeSessions: z.number().int(),
  usersByRole: z.array(z.object({ role: z.string(), count: z.number().int() })),
  unitsByLevel: z.array(z.object({ level: z.string(), count: z.number().int() })),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;
