import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PayPage } from './PayPage';
import { DrawerPanel } from './DrawerPanel';
import { ArrearsPanel, DailyReportPanel } from './ReportsPanel';
import { ChargesPanel } from './ChargesPanel';

/** 收费 (F10): take payments, the cash drawer of this shift, the daily report, arrears and reminders. */
export function FeesPage() {
  const { t } = useTranslation();
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'pay', label: <span data-testid="fees-tab-pay">{t('fee.tabPay')}</span>, children: <PayPage /> },
        { key: 'drawer', label: <span data-testid="fees-tab-drawer">{t('fee.tabDrawer')}</span>, children: <DrawerPanel /> },
        { key: 'report', label: <span data-testid="fees-tab-report">{t('fee.tabReport')}</span>, children: <DailyReportPanel /> },
        { key: 'arrears', label: <span data-testid="fees-tab-arrears">{t('fee.tabArrears')}</span>, children: <ArrearsPanel /> },
        { key: 'charges', label: <span data-testid="fees-tab-charges">{t('fee.tabCharges')}</span>, children: <ChargesPanel /> },
      ]}
    />
  );
}
