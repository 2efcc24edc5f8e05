import { Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../../../shared/api/contract';
import { fmtYuan } from '../../../../shared/print/format';

type Rates = ProcOutput<'fees:arrears'>['collection'];
type Rate = Rates['propertyUnits'];

const percent = (r: Rate) => (r.permille === null ? '—' : `${(r.permille / 10).toFixed(1)}%`);

/**
 * 本月收缴率 as management watches it: the property fee by units and by amount first, the rate over
 * all items beside it (one large one-off charge can carry that one), each with what it is taken over.
 */
export function CollectionRates(props: { rates: Rates }) {
  const { t } = useTranslation();
  const { propertyUnits, propertyAmount, allItems } = props.rates;
  const amounts = (r: Rate) => `${fmtYuan(r.paid)} / ${fmtYuan(r.due)}`;
  const items = [
    { key: 'units', title: t('arrears.rateUnits'), rate: propertyUnits, of: t('arrears.unitsOf', propertyUnits) },
    { key: 'amount', title: t('arrears.rateAmount'), rate: propertyAmount, of: amounts(propertyAmount) },
    { key: 'all', title: t('arrears.rateAll'), rate: allItems, of: amounts(allItems) },
  ];
  return (
    <div style={{ marginBottom: 16 }} data-testid="collection-rates">
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('arrears.rate')}</div>
      <Space size={48} align="start">
        {items.map((i) => (
          <span key={i.key} data-testid={`rate-${i.key}`}>
            <Statistic
              title={i.title}
              value={percent(i.rate)}
              valueStyle={i.key === 'all' ? { color: '#888', fontSize: 18 } : undefined}
            />
            <div style={{ color: '#888', fontSize: 12 }}>{i.of}</div>
          </span>
        ))}
      </Space>
    </div>
  );
}
