import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';

/** Edit, reset PIN, disable or enable one person; the backend judges again (role, last admin). */
export function StaffActions(props: {
  staff: StaffSummary;
  isMe: boolean;
  onEdit: () => void;
  onResetPin: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { staff } = props;
  const toggle = async () => {
    const r = await run(staff.active ? 'staff:disable' : 'staff:enable', { staffId: staff.id });
    if (r.ok) {
      message.success(t(staff.active ? 'staff.disabledDone' : 'staff.enabledDone', { name: staff.name }));
      props.onChanged();
    } else message.error(tError(r.error.issues?.[0]?.message ?? r.error.message));
  };
  const tid = (what: string) => `staff-${what}-${staff.staffNo}`;
  return (
    <Space size={4}>
      <Button size="small" onClick={props.onEdit} data-testid={tid('edit')}>
        {t('staff.edit')}
      </Button>
      {!props.isMe && (
        <Button size="small" onClick={props.onResetPin} data-testid={tid('reset')}>
          {t('staff.resetPin')}
        </Button>
      )}
      {!props.isMe &&
        (staff.active ? (
          <Popconfirm
            title={t('staff.disableConfirm', { name: staff.name })}
            okText={t('staff.disable')}
            okButtonProps={{ danger: true, 'data-testid': tid('disable-ok') }}
            onConfirm={() => void toggle()}
          >
            <Button size="small" danger data-testid={tid('disable')}>
              {t('staff.disable')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={() => void toggle()} data-testid={tid('enable')}>
            {t('staff.enable')}
          </Button>
        ))}
    </Space>
  );
}
