import { useState } from 'react';
import { App, Button, DatePicker, Form, Modal, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';

/**
 * A resident's move-out in the directory: the day they left (their mail is forwarded for a month from
 * it), recorded or taken back by a shift leader and up. The row itself stays.
 */
export function MoveOutCell({
  host,
  canEdit,
  onChanged,
}: {
  host: HostMatch;
  canEdit: boolean;
  onChanged: (h: HostMatch) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<Dayjs | null>(deskTime());
  const [error, setError] = useState<string | null>(null);
  const save = async (movedOutOn: string | null) => {
    const r = await run('directory:moveOut', { occupantId: host.occupantId, movedOutOn });
    if (!r.ok) return setError(tError(r.error.issues?.[0]?.message ?? r.error.message));
    setOpen(false);
    setError(null);
    message.success(t(movedOutOn ? 'directory.moveOutDone' : 'directory.moveOutUndone', { name: host.name }));
    onChanged(r.value);
  };
  const label = host.company && host.company !== host.name ? `${host.company} ${host.name}` : host.name;
  return (
    <Space size={4}>
      {host.movedOutOn && (
        <Tag color="orange" data-testid="moved-out-tag">
          {t('directory.movedOutTag', { date: host.movedOutOn })}
        </Tag>
      )}
      {canEdit &&
        (host.movedOutOn ? (
          <Button size="small" onClick={() => void save(null)} data-testid="move-out-undo">
            {t('directory.undoMoveOut')}
          </Button>
        ) : (
          <Button size="small" onClick={() => setOpen(true)} data-testid="move-out">
            {t('directory.moveOut')}
          </Button>
        ))}
      <Modal
        open={open}
        title={t('directory.moveOutTitle', { name: label, unit: host.unitCode })}
        okText={t('directory.moveOut')}
        okButtonProps={{ disabled: !day, ...{ 'data-testid': 'move-out-submit' } }}
        cancelText={t('common.cancel')}
        onOk={() => void save(day!.format('YYYY-MM-DD'))}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form.Item validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 0 }}>
          <DatePicker
            autoFocus
            value={day}
            onChange={setDay}
            disabledDate={(d) => d.isAfter(deskTime(), 'day')}
            data-testid="move-out-date"
          />
        </Form.Item>
      </Modal>
    </Space>
  );
}
