import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={i18n.language === 'en' ? 'en' : 'tr'}
      onChange={(v) => setLanguage(v as 'tr' | 'en')}
      data={[
        { value: 'tr', label: 'TR' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
