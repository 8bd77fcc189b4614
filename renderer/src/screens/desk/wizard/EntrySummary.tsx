import { Paper, SimpleGrid, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentItemView, FactFieldView, WizardDraft } from '../../../../../preload/contract/registrationTypes';
import { isoToTrDate } from '../../../../../preload/contract/typedInput';
import { formatMoney } from '../../../hooks/today';

type Value = WizardDraft['facts'][string] | undefined;

/**
 * Every value entered, grouped by the wizard's steps (as the form prints them), shown on the
 * Onay step before anything is recorded: the clerk reads back what will be written.
 */
export function EntrySummary({ fields, visible, facts, documents, answers }: { fields: FactFieldView[]; visible: Set<string>; facts: WizardDraft['facts']; documents: DocumentItemView[]; answers: WizardDraft['documents'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const shown = (f: FactFieldView, v: Value): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (f.type === 'boolean') return v === true ? t('wizard.yes') : t('wizard.no');
    if (f.type === 'enum') return f.options?.find((o) => o.value === v)?.label[lang] ?? String(v);
    if (f.type === 'money' && typeof v === 'number') return formatMoney(v, 'TL');
    if (f.type === 'date' && typeof v === 'string') return isoToTrDate(v);
    // In groups of four, as IBANs are printed: read back more easily, and it wraps inside its card.
    if (f.type === 'iban' && typeof v === 'string') return v.replace(/(.{4})(?=.)/g, '$1 ');
    return String(v);
  };
  const group = (step: FactFieldView['step']) => (
    <Paper withBorder p="sm" key={step}>
      <Title order={3} size="h6" mb={4}>
        {t(`wizard.steps.${step}`)}
      </Title>
      <Table variant="vertical" withRowBorders={false} data-testid={`summary-${step}`}>
        <Table.Tbody>
          {fields
            .filter((f) => f.step === step && visible.has(f.key))
            .map((f) => (
              <Table.Tr key={f.key} data-summary={f.key}>
                <Table.Th w="45%">{f.label[lang]}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{shown(f, facts[f.key])}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="entry-summary">
      {group('identity')}
      {group('programme')}
      <Paper withBorder p="sm">
        <Title order={3} size="h6" mb={4}>
          {t('wizard.steps.documents')}
        </Title>
        <Table variant="vertical" withRowBorders={false} data-testid="summary-documents">
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.code}>
                <Table.Th w="60%">{d.label[lang]}</Table.Th>
                <Table.Td>{answers[d.code] === true ? t('wizard.present') : answers[d.code] === false ? t('wizard.missing') : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </SimpleGrid>
  );
}
