import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Table, type InputRef } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { PassCheck, PassItem } from '../../../../shared/api/releasePassSchemas';
import { run } from '../../api/useDesk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { tError } from '../../i18n';
import { GateVerdict } from './GateVerdict';

const fmt = (iso: string) => deskTime(iso).format('MM-DD HH:mm');

/**
 * 门岗核对: scan the pass's QR (the scanner types the number and Enter) or type it. The verdict is
 * big and coloured; for a valid pass the guard counts each line, explains any difference, and records
 * "released" (Ctrl+Enter) or "refused" with a reason. Built for a guard post: large type, one screen.
 */
export function GatePage() {
  const { t } = useTranslation();
  const focusTick = useNav((s) => s.focusTick);
  const scanRef = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const [check, setCheck] = useState<PassCheck | null>(null);
  const [released, setReleased] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [justReleased, setJustReleased] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [refuseReason, setRefuseReason] = useState('');
  useEffect(() => scanRef.current?.focus(), [focusTick]);

  const show = (c: PassCheck, afterRelease = false) => {
    setCheck(c);
    setReleased(c.pass.items.map((i) => i.released ?? i.quantity));
    setNote('');
    setActionError(null);
    setJustReleased(afterRelease);
  };

  const verify = async () => {
    if (!code.trim()) return;
    setScanError(null);
    const r = await run('passes:verify', { code: code.trim() });
    setCode('');
    if (r.ok) show(r.value);
    else {
      setCheck(null);
      setScanError(tError(r.error.issues?.[0]?.message ?? r.error.message));
    }
    scanRef.current?.focus();
  };

  const release = async () => {
    if (!check || check.pass.verdict !== 'valid') return;
    const r = await run('passes:release', { passId: check.pass.id, items: released.map((n) => ({ released: n })), note });
    if (r.ok) {
      show(r.value, true);
      scanRef.current?.focus();
    } else setActionError(tError(r.error.issues?.[0]?.message ?? r.error.message));
  };

  const refuse = async () => {
    if (!check) return;
    const r = await run('passes:refuse', { passId: check.pass.id, reason: refuseReason });
    if (r.ok) {
      setRefusing(false);
      setRefuseReason('');
      show(r.value);
      scanRef.current?.focus();
    } else setActionError(tError(r.error.issues?.[0]?.message ?? r.error.message));
  };

  const p = check?.pass;
  const canAct = p?.verdict === 'valid' && !justReleased;
  const differs = p ? released.some((n, i) => n !== p.items[i].quantity) : false;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="gate-post">
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
            validateStatus={scanError ? 'error' : undefined}
            help={scanError && <span data-testid="gate-scan-error">{scanError}</span>}
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
      {p && (
        <Card
          data-testid="gate-pass"
          onKeyDown={(ev) => {
            if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && canAct) {
              ev.preventDefault();
              void release();
            }
          }}
        >
          <GateVerdict pass={p} justReleased={justReleased} />
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
              {fmt(p.validFrom)} — {fmt(p.validUntil)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pass.carrier')}>
              {[p.carrier, p.plate].filter(Boolean).join(' · ') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table<PassItem & { line: number }>
            className="gate-items"
            data-testid="gate-items"
            size="middle"
            pagination={false}
            rowKey="line"
            dataSource={p.items.map((i, line) => ({ ...i, line }))}
            rowClassName={(r) => (canAct && released[r.line] !== r.quantity ? 'row-differs' : '')}
            columns={[
              { title: '#', dataIndex: 'line', width: 50, render: (n: number) => n + 1 },
              { title: t('pass.item'), dataIndex: 'description' },
              { title: t('gate.onPass'), dataIndex: 'quantity', width: 120 },
              {
                title: t('gate.leaving'),
                key: 'released',
                width: 160,
                render: (_, r) =>
                  canAct ? (
                    <InputNumber
                      min={0}
                      max={r.quantity}
                      size="large"
                      value={released[r.line]}
                      data-testid={`gate-released-${r.line}`}
                      onChange={(v) => setReleased((prev) => prev.map((n, i) => (i === r.line ? Number(v ?? 0) : n)))}
                    />
                  ) : (
                    (r.released ?? '—')
                  ),
              },
            ]}
          />
          {canAct && (
            <div style={{ marginTop: 16 }}>
              {differs && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('gate.differsHint')}
                  style={{ marginBottom: 8 }}
                  data-testid="gate-differs"
                />
              )}
              <Input
                size="large"
                value={note}
                status={differs && !note.trim() ? 'warning' : undefined}
                placeholder={t(differs ? 'gate.noteRequired' : 'gate.noteOptional')}
                onChange={(ev) => setNote(ev.target.value)}
                data-testid="gate-note"
              />
              {actionError && (
                <Alert type="error" showIcon message={actionError} style={{ marginTop: 8 }} data-testid="gate-action-error" />
              )}
              <Space style={{ marginTop: 16 }} size={16}>
                <Button
                  type="primary"
                  size="large"
                  className="gate-release"
                  onClick={() => void release()}
                  data-testid="gate-release"
                >
                  {t(differs ? 'gate.releasePartial' : 'gate.release')}
                  <span className="kbd" style={{ color: '#fff', background: 'transparent', borderColor: '#ffffff88' }}>
                    Ctrl+Enter
                  </span>
                </Button>
                <Button danger size="large" onClick={() => setRefusing(true)} data-testid="gate-refuse">
                  {t('gate.refuse')}
                </Button>
              </Space>
            </div>
          )}
          {check.checks.length > 0 && (
            <div className="gate-log" data-testid="gate-log">
              {check.checks.map((c, i) => (
                <div key={i}>
                  {fmt(c.at)} · {t(`gate.outcome.${c.outcome}`)} · {c.byName}
                  {c.note && ` · ${c.note}`}
                </div>
              ))}
            </div>
          )}
        </Card>
      )}
      <Modal
        open={refusing}
        title={t('gate.refuseTitle')}
        okText={t('gate.refuse')}
        okButtonProps={{ danger: true, ...{ 'data-testid': 'gate-refuse-submit' } }}
        cancelText={t('common.cancel')}
        onOk={() => void refuse()}
        onCancel={() => setRefusing(false)}
        destroyOnHidden
      >
        <Input.TextArea
          autoFocus
          rows={3}
          value={refuseReason}
          placeholder={t('gate.refuseHint')}
          onChange={(ev) => setRefuseReason(ev.target.value)}
          data-testid="gate-refuse-reason"
        />
        {actionError && <Alert type="error" showIcon message={actionError} style={{ marginTop: 8 }} />}
      </Modal>
    </Space>
  );
}
