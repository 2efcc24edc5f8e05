import { useEffect, useRef, useState } from 'react';
import { Alert, App, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { MailKind } from '../../../../shared/domain/mail';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import type { HostMatch } from '../../../../shared/api/schemas';
import type { ApiError } from '../../../../shared/api/result';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { BatchBar, DamageFields, ScanRow, noDamage, type DamageDraft } from './IntakeParts';
import { ForwardNotice, confirmDuplicate, forwardOf, placeErrors, type Forwarded } from './intakeOutcome';
import { mailColumns } from './mailColumns';
import { readFileBase64 } from './files';
import { storedCarrier } from '../../i18n/storedText';

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
  const [damage, setDamage] = useState<DamageDraft>(noDamage);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [batch, setBatch] = useState<MailItem[]>([]);
  /** The last item went to the moved-out cabinet: say so, and whether its month is already over. */
  const [forwarded, setForwarded] = useState<Forwarded | null>(null);
  const [busy, setBusy] = useState(false);
  const scan = useRef<HTMLInputElement>(null);
  const whatRef = useRef<HTMLInputElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);

  useEffect(() => scan.current?.focus(), []);

  const showErrors = (error: ApiError) => {
    const next = placeErrors(error);
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
      damage: damaged ? { ...damage, photo: damage.photo ? await readFileBase64(damage.photo) : undefined } : undefined,
    });
    setBusy(false);
    if (!r.ok) {
      // Still on the shelf: a warning, not a refusal — the receptionist decides.
      if (r.error.message === 'err.mail.duplicateOnShelf') {
        confirmDuplicate(modal, t, {
          trackingNo,
          registerNo: String(r.error.details?.registerNo ?? ''),
          onGo: () => submit(occupantId, true),
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
    setForwarded(forwardOf(r.value.item));
    message.success(t('mail.registered', { no: r.value.item.registerNo }));
    setErrors({});
    setFormError(null);
    setTrackingNo('');
    setRecipient(null);
    setDamaged(false);
    setDamage(noDamage());
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
      <BatchBar
        carrier={carrier}
        setCarrier={setCarrier}
        kind={kind}
        setKind={setKind}
        location={location}
        setLocation={setLocation}
        movedOut={movedOut}
        setMovedOut={setMovedOut}
        batchCount={batch.length}
        onNewBatch={newBatch}
        errors={errors}
      />
      <ScanRow
        bindScan={(el) => {
          scan.current = el;
        }}
        trackingNo={trackingNo}
        setTrackingNo={setTrackingNo}
        recipient={recipient}
        onPick={(id, match) => {
          setRecipient(match);
          // Picking the recipient registers the item, unless its damage is still to be described.
          if (id && !damaged) void submit(id);
          if (id && damaged) setTimeout(() => whatRef.current?.focus(), 50);
        }}
        damaged={damaged}
        setDamaged={setDamaged}
        errors={errors}
        onSubmit={() => void submit()}
      />

      {forwarded && <ForwardNotice forwarded={forwarded} />}
      {damaged && (
        <DamageFields
          damage={damage}
          setDamage={setDamage}
          bindWhat={(el) => {
            whatRef.current = el;
          }}
          bindPhoto={(el) => {
            photoInput.current = el;
          }}
          errors={errors}
          busy={busy}
          onSubmit={() => void submit()}
        />
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
