import { useState, type RefObject } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Table, type InputRef } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { PassCheck, PassItem } from '../../../../shared/api/releasePassSchemas';
import { SHORTCUTS } from '../../stores/nav';
import type { Gate } from './useGate';

export const fmtGateTime = (iso: string) => deskTime(iso).format('MM-DD HH:mm');

/** The scan box: the scanner types the number and Enter; a refused code is said under it. */
export function GateScan({
  scanRef,
  error,
  onScan,
}: {
  scanRef: RefObject<InputRef | null>;
  error: string | null;
  onScan: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const verify = async () => {
    if (!code.trim()) return;
    await onScan(code.trim());
    setCode('');
  };
  return (
    <Card
      title={
        <span>
          {t('gate.title')}
          <span className="kbd">{SHORTCUTS.gate}</span>
        </span>
      }
    >
      <Form component="div" layout="vertical">
        <Form.Item
          validateStatus={error ? 'error' : undefined}
          help={error && <span data-testid="gate-scan-error">{error}</span>}
          style={{ marginBottom: 0 }}
        >
          <Input
            ref={scanRef}
            className="scan-box gate-scan"
            size="large"
            autoFocus
            value={code}
            data-testid="gate-scan"
            placeholder={t('gate.scanHint')}
            onChange={(ev) => setCode(ev.target.value)}
            onPressEnter={() => void verify()}
            prefix={<AuditOutlined style={{ color: '#999' }} />}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Who takes what out, on whose consent, in which window, by which vehicle. */
export function GatePassFacts({ pass: p }: { pass: PassCheck['pass'] }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={2} size="middle" className="gate-facts" style={{ marginTop: 16 }}>
      <Descriptions.Item label={t('pass.passNo')}>
        <code data-testid="gate-passNo">{p.passNo}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('pass.unit')}>{[p.unitCode, p.company].filter(Boolean).join(' ')}</Descriptions.Item>
      <Descriptions.Item label={t('pass.applicant')}>
        {p.applicantName} · {p.idNumberMasked}
      </Descriptions.Item>
      <Descriptions.Item label={t('pass.relation')}>
        {t(`passRelation.${p.relation}`)}
        {p.authorityName &&
          ` · ${t('pass.consentBy', { name: p.authorityName, method: t(`consentMethod.${p.authorityMethod}`) })}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('pass.window')}>
        {fmtGateTime(p.validFrom)} — {fmtGateTime(p.validUntil)}
      </Descriptions.Item>
      <Descriptions.Item label={t('pass.carrier')}>{[p.carrier, p.plate].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** The pass's lines; while the pass can be acted on, the guard enters how many of each leave. */
export function GateItems({ gate, pass: p }: { gate: Gate; pass: PassCheck['pass'] }) {
  const { t } = useTranslation();
  return (
    <Table<PassItem & { line: number }>
      className="gate-items"
      data-testid="gate-items"
      size="middle"
      pagination={false}
      rowKey="line"
      dataSource={p.items.map((i, line) => ({ ...i, line }))}
      rowClassName={(r) => (gate.canAct && gate.released[r.line] !== r.quantity ? 'row-differs' : '')}
      columns={[
        { title: '#', dataIndex: 'line', width: 50, render: (n: number) => n + 1 },
        { title: t('pass.item'), dataIndex: 'description' },
        { title: t('gate.onPass'), dataIndex: 'quantity', width: 120 },
        {
          title: t('gate.leaving'),
          key: 'released',
          width: 160,
          render: (_, r) =>
            gate.canAct ? (
              <InputNumber
                min={0}
                max={r.quantity}
                size="large"
                value={gate.released[r.line]}
                data-testid={`gate-released-${r.line}`}
                onChange={(v) => gate.setCount(r.line, Number(v ?? 0))}
              />
            ) : (
              (r.released ?? '—')
            ),
        },
      ]}
    />
  );
}

/** Release (Ctrl+Enter) or refuse; a count that differs from the pass asks for a note. */
export function GateReleaseBar({ gate, onRefuse }: { gate: Gate; onRefuse: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 16 }}>
      {gate.differs && (
        <Alert type="warning" showIcon message={t('gate.differsHint')} style={{ marginBottom: 8 }} data-testid="gate-differs" />
      )}
      <Input
        size="large"
        value={gate.note}
        status={gate.differs && !gate.note.trim() ? 'warning' : undefined}
        placeholder={t(gate.differs ? 'gate.noteRequired' : 'gate.noteOptional')}
        onChange={(ev) => gate.setNote(ev.target.value)}
        data-testid="gate-note"
      />
      {gate.actionError && (
        <Alert type="error" showIcon message={gate.actionError} style={{ marginTop: 8 }} data-testid="gate-action-error" />
      )}
      <Space style={{ marginTop: 16 }} size={16}>
        <Button
          type="primary"
          size="large"
          className="gate-release"
          onClick={() => void gate.release()}
          data-testid="gate-release"
        >
          {t(gate.differs ? 'gate.releasePartial' : 'gate.release')}
          <span className="kbd" style={{ color: '#fff', background: 'transparent', borderColor: '#ffffff88' }}>
            Ctrl+Enter
          </span>
        </Button>
        <Button danger size="large" onClick={onRefuse} data-testid="gate-refuse">
          {t('gate.refuse')}
        </Button>
      </Space>
    </div>
  );
}

/** Every earlier check of this pass at the gate. */
export function GateLog({ checks }: { checks: PassCheck['checks'] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  return (
    <div className="gate-log" data-testid="gate-log">
      {checks.map((c, i) => (
        <div key={i}>
          {fmtGateTime(c.at)} · {t(`gate.outcome.${c.outcome}`)} · {c.byName}
          {c.note && ` · ${c.note}`}
        </div>
      ))}
    </div>
  );
}

/** The refusal's reason; closes once the refusal is recorded. */
export function GateRefuseModal({ gate, open, onClose }: { gate: Gate; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const refuse = async () => {
    if (!(await gate.refuse(reason))) return;
    setReason('');
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('gate.refuseTitle')}
      okText={t('gate.refuse')}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'gate-refuse-submit' } }}
      cancelText={t('common.cancel')}
      onOk={() => void refuse()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Input.TextArea
        autoFocus
        rows={3}
        value={reason}
        placeholder={t('gate.refuseHint')}
        onChange={(ev) => setReason(ev.target.value)}
        data-testid="gate-refuse-reason"
      />
      {gate.actionError && <Alert type="error" showIcon message={gate.actionError} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
