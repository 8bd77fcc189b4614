import { Alert, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentItemView } from '../../../../../preload/contract/registrationTypes';

/**
 * The document checklist from the rule pack. Every item starts unanswered: the clerk marks
 * each one "Var" (present) or "Yok" (missing); going on with an unanswered item is refused.
 */
export function DocumentChecklist({
  items,
  answers,
  onChange,
  showUnanswered,
}: {
  items: DocumentItemView[];
  answers: Record<string, boolean>;
  onChange: (code: string, present: boolean) => void;
  showUnanswered: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const unanswered = items.filter((d) => answers[d.code] === undefined).length;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('wizard.checklistIntro')}</Text>
      {items.map((d, i) => (
        <Radio.Group
          key={d.code}
          label={`${i + 1}. ${d.label[lang]}`}
          value={answers[d.code] === undefined ? '' : answers[d.code] ? 'var' : 'yok'}
          onChange={(v) => onChange(d.code, v === 'var')}
          error={showUnanswered && answers[d.code] === undefined ? t('wizard.answerThis') : undefined}
          data-doc={d.code}
        >
          <Group mt={2}>
            <Radio value="var" label={t('wizard.present')} />
            <Radio value="yok" label={t('wizard.missing')} />
          </Group>
        </Radio.Group>
      ))}
      {showUnanswered && unanswered > 0 && (
        <Alert color="red" role="alert">
          {t('wizard.unanswered', { count: unanswered })}
        </Alert>
      )}
    </Stack>
  );
}
