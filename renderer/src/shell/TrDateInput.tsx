import { DateInput, type DateInputProps } from '@mantine/dates';

/** dd.MM.yyyy typed or picked, whatever the PC's locale; the value is ISO `yyyy-MM-dd`. */
function parseTrDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function TrDateInput(props: Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & { value: string; onChange: (iso: string) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : '')}
      valueFormat="DD.MM.YYYY"
      dateParser={parseTrDate}
      placeholder="gg.aa.yyyy"
      locale="tr"
      clearable={false}
    />
  );
}
