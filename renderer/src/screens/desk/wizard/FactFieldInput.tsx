import { NumberInput, Radio, Select, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TypedDateInput } from '../../../shell/TypedDateTimeInput';
import type { Bilingual, FactFieldView } from '../../../../../preload/contract/registrationTypes';
import { turkishFilter } from '../../../shell/turkishFilter';

type Value = string | number | boolean | null;

/**
 * One fact, drawn from the rule pack's description. It only collects what the clerk types;
 * main checks every value (T.C. Kimlik No, IBAN, dates, ranges) and sends field errors back.
 * Booleans and choices have no default: the clerk answers each explicitly.
 */
export function FactFieldInput({
  field,
  value,
  error,
  onChange,
  autoFocus,
}: {
  field: FactFieldView;
  value: Value | undefined;
  error: Bilingual | undefined;
  onChange: (v: Value) => void;
  autoFocus?: boolean;
}) {
  const { i18n, t } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const common = {
    label: field.label[lang],
    description: field.help?.[lang],
    error: error?.[lang],
    withAsterisk: field.required,
    autoFocus,
    'data-fact': field.key,
  };
  switch (field.type) {
    case 'boolean':
      return (
        <Radio.Group {...common} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(v) => onChange(v === 'yes')}>
          <Group mt={4}>
            <Radio value="yes" label={t('wizard.yes')} />
            <Radio value="no" label={t('wizard.no')} />
          </Group>
        </Radio.Group>
      );
    case 'enum': {
      const data = (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
      if (data.length <= 4) {
        return (
          <Radio.Group {...common} value={typeof value === 'string' ? value : ''} onChange={onChange}>
            <Group mt={4}>
              {data.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
        );
      }
      // The list opens when typing, not on focus (as the step's first field it covered the next ones);
      // typing narrows it and Enter picks the first match.
      return <Select {...common} data={data} searchable openOnFocus={false} selectFirstOptionOnChange filter={turkishFilter} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} />;
    }
    case 'money':
      // Typed in lira with Turkish separators (2.546,00); stored in kuruş.
      return (
        <NumberInput
          {...common}
          decimalSeparator=","
          thousandSeparator="."
          decimalScale={2}
          fixedDecimalScale
          min={0}
          suffix=" TL"
          value={typeof value === 'number' ? value / 100 : ''}
          onChange={(v) => onChange(v === '' ? null : Math.round(Number(v) * 100))}
        />
      );
    case 'integer':
      return <NumberInput {...common} allowDecimal={false} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(v === '' ? null : Number(v))} />;
    case 'date':
      return <TypedDateInput {...common} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v || null)} />;
    case 'tckn':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          maxLength={11}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, '') || null)}
        />
      );
    case 'iban':
      return (
        <TextInput
          {...common}
          placeholder="TR00 0000 0000 0000 0000 0000 00"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value.toUpperCase() || null)}
        />
      );
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
  }
}
