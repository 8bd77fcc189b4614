import { Alert, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionView } from '../../../../../preload/contract/registrationTypes';
import { formatMoney } from '../../../hooks/today';
import { TypedDateInput, TypedTimeInput } from '../../../shell/TypedDateTimeInput';

const COLOR = { KESIN_KAYIT: 'green', RET: 'red', EKSIK_EVRAK: 'orange' } as const;

/** The rules engine's decision in plain words: outcome, support, and every reason. */
export function DecisionPanel({
  decision,
  newAppointment,
  setNewAppointment,
  errors,
}: {
  decision: DecisionView;
  newAppointment: { date: string; time: string };
  setNewAppointment: (v: { date: string; time: string }) => void;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  return (
    <Stack>
      <Alert color={COLOR[decision.outcome]} variant="light" title={t('wizard.decision')} data-testid="decision-outcome" data-outcome={decision.outcome}>
        <Title order={3} size="h2">
          {t(`outcomes.${decision.outcome}`)}
        </Title>
      </Alert>
      {decision.outcome === 'KESIN_KAYIT' && decision.supportType && (
        <Paper withBorder p="sm">
          <Group justify="space-between">
            <Text>{decision.supportType.label[lang]}</Text>
            <Text fw={700} data-testid="decision-amount">
              {decision.monthlyAmountCents !== null ? `${formatMoney(decision.monthlyAmountCents, decision.currency)} / ${t('wizard.perMonth')}` : ''}
            </Text>
          </Group>
        </Paper>
      )}
      {decision.failedRules.length > 0 && (
        <Paper withBorder p="sm">
          <Text fw={600} mb={4}>
            {t('wizard.reasons')}
          </Text>
          <List spacing={4} data-testid="decision-reasons">
            {decision.failedRules.map((r) => (
              <List.Item key={r.code}>
                {r.text[lang]}{' '}
                <Text span size="xs" c="dimmed">
                  ({r.code})
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      {decision.missingDocuments.length > 0 && (
        <Paper withBorder p="sm">
          <Text fw={600} mb={4}>
            {t('wizard.missingDocuments')}
          </Text>
          <List spacing={4} data-testid="decision-missing">
            {decision.missingDocuments.map((d) => (
              <List.Item key={d.code}>{d.label[lang]}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      {decision.outcome === 'EKSIK_EVRAK' && (
        <Text size="sm" data-testid="decision-no-amount">
          {t('wizard.amountLater')}
        </Text>
      )}
      {decision.outcome === 'EKSIK_EVRAK' && (
        <Group grow align="start">
          <TypedDateInput
            label={t('wizard.newDate')}
            withAsterisk
            value={newAppointment.date}
            onChange={(v) => setNewAppointment({ ...newAppointment, date: v })}
            error={errors['newAppointment.date']}
          />
          <TypedTimeInput
            label={t('wizard.newTime')}
            withAsterisk
            value={newAppointment.time}
            onChange={(v) => setNewAppointment({ ...newAppointment, time: v })}
            error={errors['newAppointment.time']}
          />
        </Group>
      )}
      {decision.packDiffersFrom && (
        <Text size="sm" c="orange.9" data-testid="pack-differs">
          {t('wizard.packDiffers', { label: decision.packDiffersFrom })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('wizard.packNote', { label: decision.packLabel })}
      </Text>
    </Stack>
  );
}
