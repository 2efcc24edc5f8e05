import { useCallback, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ID_TYPES, type IdType } from '../../../../shared/domain/idDocument';
import { PICKUP_RELATIONS } from '../../../../shared/domain/mail';
import type { MailDetail, MailItem } from '../../../../shared/api/mailSchemas';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { formKeyDown } from '../../forms/keyboard';
import { SignatureBox } from './SignatureBox';

const FIELDS = ['signerName', 'id.idNumber', 'id.idType', 'signature', 'typedName', 'itemId'];

/** Hand-over: who collects (recipient or authorised), their ID (kept masked) and a signature or typed name. */
export function PickupModal(props: { item: MailItem | null; onClose: (done: MailDetail | null) => void }) {
  const { t } = useTranslation();
  const item = props.item;
  const [signerName, setSignerName] = useState('');
  const [relation, setRelation] = useState<(typeof PICKUP_RELATIONS)[number]>('recipient');
  const [idType, setIdType] = useState<IdType>('resident_id');
  const [idNumber, setIdNumber] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [typedName, setTypedName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSignature = useCallback((png: string | null) => {
    setSignature(png);
    setErrors(({ typedName: _typed, signature: _sig, ...rest }) => rest);
  }, []);

  const reset = () => {
    setSignerName('');
    setRelation('recipient');
    setIdNumber('');
    setSignature(null);
    setTypedName('');
    setErrors({});
    setFormError(null);
  };
  const submit = async () => {
    if (!item || busy) return;
    setBusy(true);
    const r = await run('mail:pickUp', {
      itemId: item.id,
      signerName,
      relation,
      id: idNumber.trim() ? { idType, idNumber } : undefined,
      signature: signature ? { fileName: 'signature.png', contentBase64: signature } : undefined,
      typedName,
    });
    setBusy(false);
    if (r.ok) {
      reset();
      props.onClose(r.value);
      return;
    }
    const next: Record<string, string> = {};
    for (const i of r.error.issues ?? []) {
      const f = FIELDS.find((x) => i.path === x || i.path.startsWith(`${x}.`));
      if (f) next[f] = i.message;
    }
    setErrors(next);
    setFormError(Object.keys(next).length && !next.itemId ? null : tError(r.error.issues?.[0]?.message ?? r.error.message));
  };
  const status = (k: string) => (errors[k] ? 'error' : undefined);
  const help = (k: string) =>
    errors[k] ? <span data-testid={`mail-pickup-${k.replace('.', '-')}-error`}>{tError(errors[k])}</span> : undefined;

  return (
    <Modal
      open={!!item}
      width={520}
      title={item ? `${t('mail.pickUp')} · ${item.trackingNo} · ${item.unitCode} ${item.recipientName}` : ''}
      okText={t('mail.confirmPickup')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'mail-pickup-submit' } }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        props.onClose(null);
      }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Form.Item label={t('mail.signer')} required validateStatus={status('signerName')} help={help('signerName')}>
          <Input autoFocus value={signerName} onChange={(e) => setSignerName(e.target.value)} data-testid="mail-pickup-name" />
        </Form.Item>
        <Form.Item label={t('mail.relation')}>
          <Radio.Group
            value={relation}
            onChange={(e) => setRelation(e.target.value)}
            options={PICKUP_RELATIONS.map((r) => ({ value: r, label: t(`pickupRelation.${r}`) }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item label={t('mail.idType')} style={{ width: 170 }} validateStatus={status('id.idType')}>
            <Select value={idType} onChange={setIdType} options={ID_TYPES.map((v) => ({ value: v, label: t(`idType.${v}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('mail.idNumber')}
            required
            style={{ flex: 1 }}
            validateStatus={status('id.idNumber')}
            help={help('id.idNumber')}
          >
            <Input
              value={idNumber}
              onChange={(e) => {
                setIdNumber(e.target.value);
                setErrors(({ 'id.idNumber': _id, ...rest }) => rest);
              }}
              className="mono"
              data-testid="mail-pickup-id"
            />
          </Form.Item>
        </div>
        <Form.Item label={t('mail.signature')} validateStatus={status('signature')} help={help('signature')}>
          <SignatureBox onChange={onSignature} />
        </Form.Item>
        <Form.Item label={t('mail.typedName')} validateStatus={status('typedName')} help={help('typedName')}>
          <Input value={typedName} onChange={(e) => setTypedName(e.target.value)} data-testid="mail-pickup-typed" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon message={formError} />}
    </Modal>
  );
}
