import { Alert, Button, Dropdown, Space } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { ShiftState } from '../../../../shared/api/shiftSchemas';
import { SESSION_KEYS } from '../../stores/nav';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { joinNames } from '../../i18n/lists';

/** The gate's title, the language switch and the signed-in person's menu (sign out works before any shift). */
export function ShiftGateHeader(props: { title: string; name: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <div className="gate-title">{props.title}</div>
      <Space>
        <LanguageSwitch />
        <Dropdown
          menu={{
            items: [
              {
                key: 'out',
                icon: <LogoutOutlined />,
                label: `${t('auth.signOut')} (${SESSION_KEYS.signOut})`,
                onClick: props.onSignOut,
              },
            ],
          }}
        >
          <Button icon={<UserOutlined />} data-testid="user-menu">
            {props.name}
          </Button>
        </Dropdown>
      </Space>
    </Space>
  );
}

/** A shift left open (taking it over) or one already open (joining it): what the incoming person must know. */
export function ShiftNotices({ state, joining }: { state: ShiftState; joining: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {state.takeOver && state.current && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="left-open"
          message={t('shift.leftOpenAlert', {
            pattern: state.current.patternCode,
            end: deskTime(state.current.plannedEnd).format('MM-DD HH:mm'),
            names: joinNames(state.current.members.filter((m) => !m.leftAt).map((m) => m.name)),
          })}
        />
      )}
      {joining && state.current && (
        <p className="intro">
          {t('shift.joinIntro', { pattern: state.current.patternCode, time: deskTime(state.current.openedAt).format('HH:mm') })}
        </p>
      )}
    </>
  );
}
