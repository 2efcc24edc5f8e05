import type { LogCategory } from '../../../../shared/domain/log';

/** One colour per category, so the list reads at a glance (异常 red, 待办 orange …). */
export const CATEGORY_COLORS: Record<LogCategory, string> = {
  anomaly: 'red',
  notice: 'blue',
  pending: 'orange',
  incident: 'volcano',
  instruction: 'purple',
};
