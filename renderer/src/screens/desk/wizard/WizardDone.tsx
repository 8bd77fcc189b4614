import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PrintedDocument } from '../../../../../preload/contract/printTypes';
import { send } from '../../../api/client';
import { PdfPreview } from '../../../shell/PdfPreview';
import { useTranslation } from 'react-i18next';
import { OUTCOME_TEXT } from '../../../../../preload/contract/appointmentStatus';
import type { ConfirmResult } from '../../../../../preload/contract/registrationTypes';

/** After confirm: the recorded outcome and its registration number; Enter goes back to the day. */
export function WizardDone({ result, onClose }: { result: ConfirmResult; onClose: () => void }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PrintedDocument | null>(null);
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
        <Button variant="default" onClick={() => void send('print.registration', { registrationNo: result.registrationNo }).then(setDoc)}>
          {t('print.form')}
        </Button>
      </Group>
      <PdfPreview doc={doc} onClose={() => setDoc(null)} />
    </Stack>
  );
}
