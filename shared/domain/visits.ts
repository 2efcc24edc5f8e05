export const VISIT_STATUSES = ['on_site', 'checked_out', 'not_returned'] as const;

export const HOST_CONFIRM_METHODS = ['phone', 'intercom', 'in_person', 'pre_registered'] as const;

/** Overstay: still on site after the pass's validity ended. */
export function isOverstay(validUntil: string, now: Date): boolean {
  return new Date(validUntil).getTime() < now.getTime();
}
