import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePinCard } from './ChangePinCard';

/** "Change my PIN" from the user menu, for every role (a guard has no staff page). */
export function ChangePinModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={props.open} title={t('staff.changePin')} footer={null} onCancel={props.onClose} destroyOnHidden>
      <ChangePinCard bare />
    </Modal>
  );
}
