import type { ApplicationStatus } from '@contracts/grants';

export type BadgeSeverity = 'success' | 'error' | 'info' | 'warning' | 'new';

export const STATUS_SEVERITY: Record<ApplicationStatus, BadgeSeverity> = {
  submitted: 'new',
  admissible: 'info',
  inadmissible: 'error',
  granted: 'success',
  rejected: 'error',
  closed: 'success',
};

/** Largest subsidy a funding plan allows under a cap (same rule as the server's). */
export function maxSubsidy(totalCost: number, maxRatePercent: number): number {
  return Math.max(0, Math.floor((totalCost * maxRatePercent) / 100));
}
