import { AutoComplete, Button, Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DAMAGE_HOWS, MAIL_KINDS, type DamageHow, type MailKind } from '../../../../shared/domain/mail';
import type { HostMatch } from '../../../../shared/api/schemas';
import { tError } from '../../i18n';
import { formKeyDown } from '../../forms/keyboard';
import { HostPicker } from '../visitors/HostPicker';

const CARRIERS = ['chinaPost', 'ems', 'sf', 'jd', 'zto', 'yto', 'sto', 'yunda'] as const;
type Errors = Record<string, string>;

/** What a damaged item's receiver writes down about it. */
export interface DamageDraft {
  what: string;
  how: DamageHow[];
  description: string;
  photo: File | null;
}
export const noDamage = (): DamageDraft => ({ what: '', how: [], description: '', photo: null });

/** The fields that stay for a whole delivery: carrier, kind, shelf, moved-out cabinet, and the batch so far. */
export function BatchBar(p: {
  carrier: string;
  setCarrier: (v: string) => void;
  kind: MailKind;
  setKind: (v: MailKind) => void;
  location: string;
  setLocation: (v: string) => void;
  movedOut: boolean;
  setMovedOut: (v: boolean) => void;
  batchCount: number;
  onNewBatch: () => void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" component="div" style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item
        label={t('mail.carrier')}
        validateStatus={p.errors.carrier ? 'error' : undefined}
        help={tError(p.errors.carrier)}
      >
        <AutoComplete
          value={p.carrier}
          onChange={p.setCarrier}
          options={CARRIERS.map((c) => ({ value: t(`mail.carriers.${c}`) }))}
          style={{ width: 140 }}
          data-testid="mail-carrier"
        />
      </Form.Item>
      <Form.Item label={t('mail.kind')}>
        <Select
          value={p.kind}
          onChange={p.setKind}
          style={{ width: 130 }}
          options={MAIL_KINDS.map((k) => ({ value: k, label: t(`mailKind.${k}`) }))}
          data-testid="mail-kind"
        />
      </Form.Item>
      <Form.Item
        label={t('mail.location')}
        validateStatus={p.errors.location ? 'error' : undefined}
        help={tError(p.errors.location)}
      >
        <Input
          value={p.location}
          onChange={(e) => p.setLocation(e.target.value)}
          style={{ width: 110 }}
          data-testid="mail-location"
        />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={p.movedOut} onChange={(e) => p.setMovedOut(e.target.checked)} data-testid="mail-moved-out">
          {t('mail.movedOut')}
        </Checkbox>
      </Form.Item>
      <Form.Item>
        <Space>
          <Tag color="blue" data-testid="mail-batch-count">
            {t('mail.batchCount', { n: p.batchCount })}
          </Tag>
          <Button size="small" onClick={p.onNewBatch}>
            {t('mail.newBatch')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

/** One item: the scanned tracking number, the recipient (picking one registers it) and "damaged". */
export function ScanRow(p: {
  /** Hands the scan field's input to the tab, which puts the cursor back in it. */
  bindScan: (el: HTMLInputElement | null) => void;
  trackingNo: string;
  setTrackingNo: (v: string) => void;
  recipient: HostMatch | null;
  onPick: (id: string | undefined, match: HostMatch | null) => void;
  damaged: boolean;
  setDamaged: (v: boolean) => void;
  errors: Errors;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Form
      layout="vertical"
      component="div"
      data-form
      onKeyDown={(e) => formKeyDown(e, p.onSubmit)}
      style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}
    >
      <Form.Item
        label={t('mail.trackingNo')}
        required
        style={{ width: 260 }}
        validateStatus={p.errors.trackingNo ? 'error' : undefined}
        help={p.errors.trackingNo ? <span data-testid="mail-tracking-error">{tError(p.errors.trackingNo)}</span> : undefined}
        extra={t('mail.trackingHint')}
      >
        <Input
          ref={(el) => p.bindScan(el?.input ?? null)}
          value={p.trackingNo}
          onChange={(e) => p.setTrackingNo(e.target.value)}
          className="mono"
          data-testid="mail-tracking-input"
        />
      </Form.Item>
      <Form.Item
        label={t('mail.recipient')}
        required
        style={{ flex: 1 }}
        validateStatus={p.errors.occupantId ? 'error' : undefined}
        help={p.errors.occupantId ? <span data-testid="mail-recipient-error">{tError(p.errors.occupantId)}</span> : undefined}
        extra={t('mail.recipientHint')}
      >
        <HostPicker
          value={p.recipient?.occupantId}
          selected={p.recipient}
          status={p.errors.occupantId ? 'error' : undefined}
          onChange={p.onPick}
        />
      </Form.Item>
      <Form.Item label=" ">
        <Checkbox checked={p.damaged} onChange={(e) => p.setDamaged(e.target.checked)} data-testid="mail-damaged">
          {t('mail.damaged')}
        </Checkbox>
      </Form.Item>
    </Form>
  );
}

/** A damaged item's description: what, how, a photo and a note, then registered with its own button. */
export function DamageFields(p: {
  damage: DamageDraft;
  setDamage: (d: DamageDraft) => void;
  bindWhat: (el: HTMLInputElement | null) => void;
  bindPhoto: (el: HTMLInputElement | null) => void;
  errors: Errors;
  busy: boolean;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<DamageDraft>) => p.setDamage({ ...p.damage, ...patch });
  return (
    <Form
      layout="vertical"
      component="div"
      data-form
      onKeyDown={(e) => formKeyDown(e, p.onSubmit)}
      style={{ border: '1px solid #ffccc7', background: '#fff2f0', padding: 12, marginBottom: 12 }}
    >
      <Space align="start" wrap>
        <Form.Item
          label={t('mail.damageWhat')}
          required
          validateStatus={p.errors['damage.what'] ? 'error' : undefined}
          help={tError(p.errors['damage.what'])}
        >
          <Input
            ref={(el) => p.bindWhat(el?.input ?? null)}
            value={p.damage.what}
            onChange={(e) => set({ what: e.target.value })}
            style={{ width: 200 }}
            data-testid="mail-damage-what"
          />
        </Form.Item>
        <Form.Item
          label={t('mail.damageHow')}
          required
          validateStatus={p.errors['damage.how'] ? 'error' : undefined}
          help={tError(p.errors['damage.how'])}
        >
          <Checkbox.Group
            value={p.damage.how}
            onChange={(v) => set({ how: v as DamageHow[] })}
            options={DAMAGE_HOWS.map((h) => ({
              value: h,
              label: <span data-testid={`mail-how-${h}`}>{t(`damageHow.${h}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('mail.photo')}
          validateStatus={p.errors['damage.photo'] ? 'error' : undefined}
          help={
            p.errors['damage.photo'] ? <span data-testid="mail-photo-error">{tError(p.errors['damage.photo'])}</span> : undefined
          }
        >
          <input
            ref={(el) => p.bindPhoto(el)}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => set({ photo: e.target.files?.[0] ?? null })}
            data-testid="mail-photo"
          />
        </Form.Item>
        <Form.Item label={t('mail.damageDescription')}>
          <Input
            value={p.damage.description}
            onChange={(e) => set({ description: e.target.value })}
            style={{ width: 260 }}
            data-testid="mail-damage-description"
          />
        </Form.Item>
        <Form.Item label=" ">
          <Button type="primary" danger onClick={p.onSubmit} loading={p.busy} data-testid="mail-register-damaged">
            {t('mail.register')}
          </Button>
        </Form.Item>
      </Space>
    </Form>
  );
}
