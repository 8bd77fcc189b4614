import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormVerification } from '../../../../preload/contract/formTypes';
import { formatTrDate } from '../../hooks/today';

const COLOR: Record<FormVerification['verdict'], string> = { VALID: 'green', SUPERSEDED: 'yellow', UNKNOWN_KEY: 'red', BAD_SIGNATURE: 'red', MALFORMED: 'red' };

/**
 * The verdict on a form QR scanned into the find box (docs/verify-form.md). Above the opened
 * appointment for a form of this desk; alone for another desk's form or one that does not verify.
 */
export function FormVerdictAlert({ verification: v, onClose }: { verification: FormVerification; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const s = v.statement;
  return (
    <Alert
      color={COLOR[v.verdict]}
      title={`${t('formVerdict.title')}: ${t(`formVerdict.verdict.${v.verdict}`)}`}
      withCloseButton
      closeButtonLabel={t('formVerdict.close')}
      onClose={onClose}
      data-testid="form-verdict"
      data-verdict={v.verdict}
      role="status"
    >
      <Text size="sm">{i18n.language === 'en' ? v.message.en : v.message.tr}</Text>
      {v.signer && (
        <Text size="xs" c="dimmed">
          {t('formVerdict.signer', { desk: v.signer.deskCode, fingerprint: v.signer.fingerprint })}
        </Text>
      )}
      {s && !v.local && (v.verdict === 'VALID' || v.verdict === 'SUPERSEDED') && (
        <Text size="sm">{t('formVerdict.otherDesk', { desk: `${s.provinceCode}/${s.deskCode}`, number: s.number, outcome: s.outcome, day: formatTrDate(s.decidedOn) })}</Text>
      )}
      {v.local?.supersededBy && <Text size="sm">{t('formVerdict.supersededBy', { registrationNo: v.local.supersededBy })}</Text>}
    </Alert>
  );
}
