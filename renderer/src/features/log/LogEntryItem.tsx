import { useState } from 'react';
import { App, Button, Input, Modal, Space, Tag } from 'antd';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../../shared/api/logSchemas';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { CATEGORY_COLORS } from './categories';

type Base = Omit<LogEntry, 'corrections'>;

function Line({ e, showDesk }: { e: Base; showDesk: boolean }) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<string | null>(null);
  const openPhoto = async () => {
    if (!e.attachment) return;
    const r = await run('log:attachment', { id: e.attachment.id });
    if (r.ok) setPhoto(`data:${r.value.mime};base64,${r.value.base64}`);
  };
  return (
    <>
      <div className="log-meta">
        <Tag color={CATEGORY_COLORS[e.category]}>{t(`log.cat.${e.category}`)}</Tag>
        {e.priority === 'high' && <Tag color="red">{t('log.high')}</Tag>}
        <span>{deskTime(e.at).format('MM-DD HH:mm')}</span>
        <span>{e.authorName}</span>
        {showDesk && <span>{e.deviceCode}</span>}
        {e.tag && <Tag>{e.tag}</Tag>}
        {e.attachment && (
          <Button size="small" type="link" onClick={() => void openPhoto()} data-testid="log-photo-open">
            {t('log.viewPhoto')}
          </Button>
        )}
      </div>
      <div className="log-text">{e.text}</div>
      <Modal open={photo !== null} footer={null} onCancel={() => setPhoto(null)} width={760} title={t('log.photo')}>
        {photo && <img src={photo} alt="" style={{ maxWidth: '100%' }} data-testid="log-photo-image" />}
      </Modal>
    </>
  );
}

/**
 * One entry as the log shows it: high priority stands out, corrections sit under the original
 * (never replacing it), an open pending item can be closed with what was done.
 */
export function LogEntryItem(props: { entry: LogEntry; showDesk: boolean; onCorrect: (e: LogEntry) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { entry: e } = props;
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = e.category === 'pending' && !e.resolvedAt;
  const resolve = async () => {
    const r = await run('log:resolve', { entryId: e.id, resolution });
    if (!r.ok) return setError(tError(r.error.issues?.[0]?.message ?? r.error.message));
    setResolving(false);
    message.success(t('log.resolved'));
  };
  const cls = ['log-entry', e.priority === 'high' ? 'high' : '', open ? 'open' : ''].join(' ');
  return (
    <div className={cls} data-testid="log-entry">
      <Line e={e} showDesk={props.showDesk} />
      {e.corrections.map((c) => (
        <div key={c.id} className="log-correction" data-testid="log-correction">
          <span className="label">{t('log.correction')}</span>
          <Line e={c} showDesk={props.showDesk} />
        </div>
      ))}
      {e.resolvedAt && (
        <div className="log-resolution" data-testid="log-resolution">
          {t('log.resolvedBy', { name: e.resolvedByName, time: deskTime(e.resolvedAt).format('MM-DD HH:mm') })}：{e.resolution}
        </div>
      )}
      <Space className="log-actions">
        {open && (
          <Button size="small" type="primary" onClick={() => setResolving(true)} data-testid="log-resolve">
            {t('log.resolve')}
          </Button>
        )}
        <Button size="small" onClick={() => props.onCorrect(e)} data-testid="log-correct">
          {t('log.correct')}
        </Button>
      </Space>
      <Modal
        open={resolving}
        title={t('log.resolveTitle')}
        onOk={() => void resolve()}
        onCancel={() => setResolving(false)}
        okText={t('log.resolve')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'resolve-submit' }}
        destroyOnHidden
      >
        <p className="log-text">{e.text}</p>
        <Input.TextArea
          autoFocus
          rows={3}
          value={resolution}
          onChange={(ev) => setResolution(ev.target.value)}
          onKeyDown={(ev) => ev.key === 'Enter' && ev.ctrlKey && void resolve()}
          status={error ? 'error' : undefined}
          placeholder={t('log.resolutionHint')}
          data-testid="resolve-text"
        />
        {error && (
          <div className="ant-form-item-explain-error" data-testid="resolve-error">
            {error}
          </div>
        )}
      </Modal>
    </div>
  );
}
