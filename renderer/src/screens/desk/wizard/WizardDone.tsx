import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { PrintedDocument } from '../../../../../preload/contract/printTypes';
import { notifications } from '@mantine/notifications';
import { sendCatch } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { PdfPreview } from '../../../shell/PdfPreview';
import { useTranslation } from 'react-i18next';
import type { ConfirmResult } from '../../../../../preload/contract/registrationTypes';

/** After confirm: the recorded outcome and its registration number; Enter goes back to the day. */
export function WizardDone({ result, onClose }: { result: ConfirmResult; onClose: () => void }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PrintedDocument | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  async function printForm() {
    const r = await sendCatch('print.registration', { registrationNo: result.registrationNo });
    if (r.error) notifications.show({ color: 'red', message: errorText(r.error) });
    else setDoc(r.data);
  }
  return (
    <Stack maw={640}>
      <Alert color="green" role="status" data-testid="wizard-done">
        <Title order={2} size="h3">
          {t('wizard.recorded', { outcome: t(`outcomes.${result.outcome}`) })}
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
        <Button ref={nextRef} autoFocus onClick={onClose} data-testid="next-applicant">
          {t('wizard.nextApplicant')}
        </Button>
        <Button variant="default" onClick={() => void printForm()}>
          {t('print.form')}
        </Button>
      </Group>
      {/* After the preview, the focus goes to "Sonraki başvuru", not back to "Formu yazdır": one Enter to the next applicant. */}
      <PdfPreview
        doc={doc}
        returnFocus={false}
        onClose={() => {
          setDoc(null);
          setTimeout(() => nextRef.current?.focus(), 0);
        }}
      />
    </Stack>
  );
}
