import { useEffect, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { deskTime } from '../../../../shared/domain/deskTime';
import { DAMAGE_HOWS, MAIL_KINDS, normalizeTrackingNo, type DamageHow, type MailKind } from '../../../../shared/domain/mail';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import type { HostMatch } from '../../../../shared/api/schemas';
import type { ApiError } from '../../../../shared/api/result';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { formKeyDown } from '../../forms/keyboard';
import { HostPicker } from '../visitors/HostPicker';
import { mailColumns } from './mailColumns';
import { readFileBase64 } from './files';
import { storedCarrier } from '../../i18n/storedText';

const CARRIERS = ['chinaPost', 'ems', 'sf', 'jd', 'zto', 'yto', 'sto', 'yunda'] as const;
const FIELDS = ['trackingNo', 'occupantId', 'damage.what', 'damage.how', 'damage.photo', 'carrier', 'location', 'kind'];

/**
 * Scanner-friendly intake of one delivery: the batch fields stay, each item is scan → Enter →
 * recipient (unit, name, pinyin initials) → registered, and the cursor is back in the scan field.
 * A damaged item: tick "damaged" and describe it; picking the recipient then moves to the damage fields.
 */
export function IntakeTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [batchId, setBatchId] = useState(() => uuidv7());
  const [carrier, setCarrier] = useState(() => t('mail.carriers.chinaPost'));
  const [kind, setKind] = useState<MailKind>('registered_letter');
  const [location, setLocation] = useState('A-1');
  const [movedOut, setMovedOut] = useState(false);
  const [trackingNo, setTrackingNo] = useState('');
  const [recipient, setRecipient] = useState<HostMatch | null>(null);
  const [damaged, setDamaged] = useState(false);
  const [what, setWhat] = useState('');
  const [how, setHow] = useState<DamageHow[]>([]);
  const [description, setDescription] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [batch, setBatch] = useState<MailItem[]>([]);
  /** The last item went to the moved-out cabinet: say so, and whether its month is already over. */
  const [forwarded, setForwarded] = useState<{ until: string; over: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const scan = useRef<HTMLInputElement>(null);
  const whatRef = useRef<HTMLInputElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);

  useEffect(() => scan.current?.focus(), []);

  const showErrors = (error: ApiError) => {
    const next: Record<string, string> = {};
    for (const i of error.issues ?? []) {
      const f = FIELDS.find((x) => i.path === x || i.path.startsWith(`${x}.`));
      if (f) next[f] = i.message;
    }
    setErrors(next);
    setFormError(Object.keys(next).length ? null : tError(error.message));
  };

  const submit = async (occupantId = recipient?.occupantId, allowDuplicate = false) => {
    if (busy) return;
    setBusy(true);
    const r = await run('mail:receive', {
      itemId: uuidv7(),
      batchId,
      carrier: storedCarrier(carrier),
      trackingNo,
      kind,
      occupantId: occupantId ?? '',
      location,
      movedOut,
      allowDuplicate,
      condition: damaged ? 'damaged' : 'intact',
      damage: damaged ? { what, how, description, photo: photo ? await readFileBase64(photo) : undefined } : undefined,
    });
    setBusy(false);
    if (!r.ok) {
      // Still on the shelf: a warning, not a refusal — the receptionist decides.
      if (r.error.message === 'err.mail.duplicateOnShelf') {
        modal.confirm({
          title: t('mail.duplicateTitle'),
          content: t('mail.duplicateBody', {
            tracking: normalizeTrackingNo(trackingNo),
            no: String(r.error.details?.registerNo ?? ''),
          }),
          okText: t('mail.duplicateGo'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'mail-duplicate-go' } as never,
          onOk: () => submit(occupantId, true),
          onCancel: () => {
            // Not registered: the next scan starts clean.
            setRecipient(null);
            scan.current?.select();
          },
        });
        return;
      }
      showErrors(r.error);
      if (r.error.issues?.some((i) => i.path === 'trackingNo')) scan.current?.select();
      return;
    }
    setBatch((b) => [r.value.item, ...b]);
    const until = r.value.item.forwardUntil;
    setForwarded(
      until
        ? { until: deskTime(until).format('YYYY-MM-DD'), over: Date.parse(until) < Date.parse(r.value.item.receivedAt) }
        : null,
    );
    message.success(t('mail.registered', { no: r.value.item.registerNo }));
    setErrors({});
    setFormError(null);
    setTrackingNo('');
    setRecipient(null);
    setDamaged(false);
    setWhat('');
    setHow([]);
    setDescription('');
    setPhoto(null);
    if (photoInput.current) photoInput.current.value = '';
    setTimeout(() => scan.current?.focus(), 0);
  };

  const newBatch = () => {
    setBatchId(uuidv7());
    setBatch([]);
    scan.current?.focus();
  };

  return (
    <div>
      <Form layout="inline" component="div" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('mail.carrier')} validateStatus={errors.carrier ? 'error' : undefined} help={tError(errors.carrier)}>
          <AutoComplete
            value={carrier}
            onChange={setCarrier}
            options={CARRIERS.map((c) => ({ value: t(`mail.carriers.${c}`) }))}
            style={{ width: 140 }}
            data-testid="mail-carrier"
          />
        </Form.Item>
        <Form.Item label={t('mail.kind')}>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 130 }}
            options={MAIL_KINDS.map((k) => ({ value: k, label: t(`mailKind.${k}`) }))}
            data-testid="mail-kind"
          />
        </Form.Item>
        <Form.Item
          label={t('mail.location')}
          validateStatus={errors.location ? 'error' : undefined}
          help={tError(errors.location)}
        >
          <Input
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            style={{ width: 110 }}
            data-testid="mail-location"
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={movedOut} onChange={(e) => setMovedOut(e.target.checked)} data-testid="mail-moved-out">
            {t('mail.movedOut')}
          </Checkbox>
        </Form.Item>
        <Form.Item>
          <Space>
            <Tag color="blue" data-testid="mail-batch-count">
              {t('mail.batchCount', { n: batch.length })}
            </Tag>
            <Button size="small" onClick={newBatch}>
              {t('mail.newBatch')}
            </Button>
          </Space>
        </Form.Item>
      </Form>

      <Form
        layout="vertical"
        component="div"
        data-form
        onKeyDown={(e) => formKeyDown(e, () => void submit())}
        style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}
      >
        <Form.Item
          label={t('mail.trackingNo')}
          required
          style={{ width: 260 }}
          validateStatus={errors.trackingNo ? 'error' : undefined}
          help={errors.trackingNo ? <span data-testid="mail-tracking-error">{tError(errors.trackingNo)}</span> : undefined}
          extra={t('mail.trackingHint')}
        >
          <Input
            ref={(el) => {
              scan.current = el?.input ?? null;
            }}
            value={trackingNo}
            onChange={(e) => setTrackingNo(e.target.value)}
            className="mono"
            data-testid="mail-tracking-input"
          />
        </Form.Item>
        <Form.Item
          label={t('mail.recipient')}
          required
          style={{ flex: 1 }}
          validateStatus={errors.occupantId ? 'error' : undefined}
          help={errors.occupantId ? <span data-testid="mail-recipient-error">{tError(errors.occupantId)}</span> : undefined}
          extra={t('mail.recipientHint')}
        >
          <HostPicker
            value={recipient?.occupantId}
            selected={recipient}
            status={errors.occupantId ? 'error' : undefined}
            onChange={(id, match) => {
              setRecipient(match);
              // Picking the recipient registers the item, unless its damage is still to be described.
              if (id && !damaged) void submit(id);
              if (id && damaged) setTimeout(() => whatRef.current?.focus(), 50);
            }}
          />
        </Form.Item>
        <Form.Item label=" ">
          <Checkbox checked={damaged} onChange={(e) => setDamaged(e.target.checked)} data-testid="mail-damaged">
            {t('mail.damaged')}
          </Checkbox>
        </Form.Item>
      </Form>

      {forwarded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="mail-forward-notice"
          message={forwarded.over ? t('mail.recipientMovedOutLong') : t('mail.recipientMovedOut', { until: forwarded.until })}
        />
      )}
      {damaged && (
        <Form
          layout="vertical"
          component="div"
          data-form
          onKeyDown={(e) => formKeyDown(e, () => void submit())}
          style={{ border: '1px solid #ffccc7', background: '#fff2f0', padding: 12, marginBottom: 12 }}
        >
          <Space align="start" wrap>
            <Form.Item
              label={t('mail.damageWhat')}
              required
              validateStatus={errors['damage.what'] ? 'error' : undefined}
              help={tError(errors['damage.what'])}
            >
              <Input
                ref={(el) => {
                  whatRef.current = el?.input ?? null;
                }}
                value={what}
                onChange={(e) => setWhat(e.target.value)}
                style={{ width: 200 }}
                data-testid="mail-damage-what"
              />
            </Form.Item>
            <Form.Item
              label={t('mail.damageHow')}
              required
              validateStatus={errors['damage.how'] ? 'error' : undefined}
              help={tError(errors['damage.how'])}
            >
              <Checkbox.Group
                value={how}
                onChange={(v) => setHow(v as DamageHow[])}
                options={DAMAGE_HOWS.map((h) => ({
                  value: h,
                  label: <span data-testid={`mail-how-${h}`}>{t(`damageHow.${h}`)}</span>,
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('mail.photo')}
              validateStatus={errors['damage.photo'] ? 'error' : undefined}
              help={
                errors['damage.photo'] ? <span data-testid="mail-photo-error">{tError(errors['damage.photo'])}</span> : undefined
              }
            >
              <input
                ref={photoInput}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
                data-testid="mail-photo"
              />
            </Form.Item>
            <Form.Item label={t('mail.damageDescription')}>
              <Input
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                style={{ width: 260 }}
                data-testid="mail-damage-description"
              />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" danger onClick={() => void submit()} loading={busy} data-testid="mail-register-damaged">
                {t('mail.register')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
      <Table<MailItem>
        rowKey="id"
        size="small"
        dataSource={batch}
        columns={mailColumns(t)}
        pagination={false}
        data-testid="mail-batch-table"
        locale={{ emptyText: t('mail.none') }}
      />
    </div>
  );
}
