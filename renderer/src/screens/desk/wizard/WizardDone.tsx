import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OUTCOME_TEXT } from '../../../../../preload/contract/appointmentStatus';
import type { ConfirmResult } from '../../../../../preload/contract/registrationTypes';

/** After confirm: the recorded outcome and its registration number; Enter goes back to the day. */
export function WizardDone({ result, onClose }: { result: ConfirmResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Alert color="green" role="status" data-testid="wizard-done">
        <Title order={2} size="h3">
          {t('wizard.recorded', { outcome: OUTCOME_TEXT[result.outcome] })}
        </Title>
        <Text mt="xs">
          {t('desk.registrationNo')}: <b data-testid="registration-no">{result.registrationNo}</b>
        </Text>
        {result.newAppointmentNo && (
          <Text>
            {t('desk.newAppointment')}: {result.newAppointmentNo}
          </Text>
        )}
      </Alert>
      <Group>
        <Button autoFocus onClick={onClose}>
          {t('wizard.nextApplicant')}
        </Button>
      </Group>
    </Stack>
  );
}
