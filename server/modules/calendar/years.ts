/**
 * The State Council's holiday schedules (rules.md §4), the seed of the admin-editable calendar:
 * statutory holidays, and the make-up working days (调休) that fall on weekends.
 */
export interface YearSchedule {
  year: number;
  holidays: { from: string; to: string; name: string }[];
  workdays: { date: string; name: string }[];
}

export const SEED_YEARS: YearSchedule[] = [
  {
    year: 2025,
    holidays: [
      { from: '2025-01-01', to: '2025-01-01', name: '元旦' },
      { from: '2025-01-28', to: '2025-02-04', name: '春节' },
      { from: '2025-04-04', to: '2025-04-06', name: '清明节' },
      { from: '2025-05-01', to: '2025-05-05', name: '劳动节' },
      { from: '2025-05-31', to: '2025-06-02', name: '端午节' },
      { from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' },
    ],
    workdays: [
      { date: '2025-01-26', name: '春节调休' },
      { date: '2025-02-08', name: '春节调休' },
      { date: '2025-04-27', name: '劳动节调休' },
      { date: '2025-09-28', name: '国庆节调休' },
      { date: '2025-10-11', name: '国庆节调休' },
    ],
  },
  {
    year: 2026,
    holidays: [
      { from: '2026-01-01', to: '2026-01-03', name: '元旦' },
      { from: '2026-02-15', to: '2026-02-23', name: '春节' },
      { from: '2026-04-04', to: '2026-04-06', name: '清明节' },
      { from: '2026-05-01', to: '2026-05-05', name: '劳动节' },
      { from: '2026-06-19', to: '2026-06-21', name: '端午节' },
      { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
      { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦调休' },
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-28', name: '春节调休' },
      { date: '2026-05-09', name: '劳动节调休' },
      { date: '2026-09-20', name: '国庆节调休' },
      { date: '2026-10-10', name: '国庆节调休' },
    ],
  },
];
