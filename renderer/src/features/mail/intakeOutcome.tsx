import { Alert, type App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import { normalizeTrackingNo } from '../../../../shared/domain/mail';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import type { ApiError } from '../../../../shared/api/result';

/** The intake fields a backend issue can be shown at (an issue inside `damage.photo` lands on `damage.photo`). */
const FIELDS = ['trackingNo', 'occupantId', 'damage.what', 'damage.how', 'damage.photo', 'carrier', 'location', 'kind'];

/** The backend's issues, each on the intake field it belongs to; none when no issue belongs to a field. */
export function placeErrors(error: ApiError): Record<string, string> {
  const next: Record<string, string> = {};
  for (const i of error.issues ?? []) {
    const f = FIELDS.find((x) => i.path === x || i.path.startsWith(`${x}.`));
    if (f) next[f] = i.message;
  }
  return next;
}

/** The last item went to the moved-out cabinet: until when, and whether its month is already over. */
export interface Forwarded {
  until: string;
  over: boolean;
}

export function forwardOf(item: MailItem): Forwarded | null {
  const until = item.forwardUntil;
  if (!until) return null;
  return { until: deskTime(until).format('YYYY-MM-DD'), over: Date.parse(until) < Date.parse(item.receivedAt) };
}

/** Says the last item went to the forwarding cabinet (or that the forwarding month is over). */
export function ForwardNotice({ forwarded }: { forwarded: Forwarded }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="mail-forward-notice"
      message={forwarded.over ? t('mail.recipientMovedOutLong') : t('mail.recipientMovedOut', { until: forwarded.until })}
    />
  );
}

/** The item is still on the shelf: a warning, not a refusal; the receptionist registers it again or not. */
export function confirmDuplicate(
  modal: ReturnType<typeof App.useApp>['modal'],
  t: TFunction,
  p: { trackingNo: string; registerNo: string; onGo: () => Promise<void>; onCancel: () => void },
) {
  modal.confirm({
    title: t('mail.duplicateTitle'),
    content: t('mail.duplicateBody', { tracking: normalizeTrackingNo(p.trackingNo), no: p.registerNo }),
    okText: t('mail.duplicateGo'),
    cancelText: t('common.cancel'),
    okButtonProps: { 'data-testid': 'mail-duplicate-go' },
    onOk: p.onGo,
    onCancel: p.onCancel,
  });
}
