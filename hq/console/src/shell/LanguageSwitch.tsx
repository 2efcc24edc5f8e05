import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select
      aria-label={t('console.language')}
      data-testid="console-language"
      size="small"
      style={{ width: 110 }}
      value={i18n.language as Language}
      onChange={(v) => setLanguage(v)}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
    />
  );
}
