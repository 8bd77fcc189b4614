import { Combobox, Group, Kbd, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentSummary } from '../../../../preload/contract/deskTypes';
import type { FormVerification } from '../../../../preload/contract/formTypes';
import { sendCatch } from '../../api/client';
import { errorText, fieldErrors } from '../../api/errorText';
import { formatTrDate } from '../../hooks/today';
import { StatusChip } from '../../shell/StatusChip';

/** A scanned form QR (signed decision statement, docs/verify-form.md) starts with this. */
const FORM_QR_PREFIX = 'MASA1:';

/** A form QR as scanned: leading blanks and the scanner's line end dropped, never the text's own trailing spaces (Base45 has them). */
function formQrText(query: string): string | null {
  const text = query.replace(/^\s+/, '').replace(/[\r\n]+$/, '');
  return text.startsWith(FORM_QR_PREFIX) ? text : null;
}

/**
 * The find box: Randevu No (a scanner types it and Enter), T.C. Kimlik No, or a name in any
 * case with or without Turkish letters. Results as you type; Enter opens the first match. A
 * scanned form QR is verified instead (`form.verify`) and its verdict handed to `onFormVerified`.
 */
export function FindBox({
  inputRef,
  onOpen,
  onFormVerified,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onOpen: (randevuNo: string) => void;
  onFormVerified: (verification: FormVerification) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 80);
  const [results, setResults] = useState<AppointmentSummary[]>([]);
  const [pending, setPending] = useState(false);
  /** Main's refusal of the query (e.g. longer than 100 characters), in the user's language. */
  const [error, setError] = useState<string | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useEffect(() => {
    let live = true;
    // A form QR is not searched as it is typed: it is verified once, on Enter.
    if (debounced.trim().length === 0 || formQrText(debounced) !== null) {
      setResults([]);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    void sendCatch('desk.find', { query: debounced }).then((r) => {
      if (!live) return;
      setPending(false);
      if (r.error) {
        setResults([]);
        setError(fieldErrors(r.error).query ?? errorText(r.error));
        return;
      }
      setError(null);
      setResults(r.data.results);
      combobox.openDropdown();
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  async function openFirst() {
    const qr = formQrText(query);
    if (qr !== null) return verifyForm(qr);
    // A scan arrives faster than the debounce: ask main directly for the exact text.
    const typed = query.trim();
    if (!typed) return;
    const found = await sendCatch('desk.find', { query: typed });
    if (found.error) {
      setResults([]);
      setError(fieldErrors(found.error).query ?? errorText(found.error));
      return;
    }
    const r = found.data.results;
    // A scanned registration number (Kesin Kayıt Formu barcode) names exactly one appointment.
    if (found.data.kind === 'registration' && r.length === 1) return choose(r[0]!.randevuNo);
    const normalized = typed.toLocaleUpperCase('tr-TR').replace(/\*/g, '-');
    const exact = r.find((x) => x.randevuNo === normalized) ?? (r.length === 1 ? r[0] : undefined);
    if (exact) choose(exact.randevuNo);
    else {
      setResults(r);
      combobox.openDropdown();
    }
  }

  async function verifyForm(text: string) {
    const r = await sendCatch('form.verify', { text });
    if (r.error) {
      setError(fieldErrors(r.error).text ?? errorText(r.error));
      return;
    }
    combobox.closeDropdown();
    setQuery('');
    setResults([]);
    setError(null);
    onFormVerified(r.data);
  }

  function choose(randevuNo: string) {
    combobox.closeDropdown();
    setQuery('');
    setResults([]);
    setError(null);
    onOpen(randevuNo);
  }

  return (
    <Combobox store={combobox} onOptionSubmit={choose}>
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) {
              e.preventDefault();
              void openFirst();
            }
            if (e.key === 'Escape') setQuery('');
          }}
          onFocus={() => results.length > 0 && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          label={t('find.label')}
          placeholder={t('find.placeholder')}
          description={t('find.hint')}
          error={error}
          rightSection={<Kbd size="xs">F2</Kbd>}
          rightSectionWidth={44}
          autoComplete="off"
          data-testid="find-box"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={query.trim().length === 0 || error !== null}>
        <Combobox.Options aria-label={t('find.results')}>
          {results.length === 0 && !pending && <Combobox.Empty>{t('find.none')}</Combobox.Empty>}
          {results.map((r) => (
            <Combobox.Option value={r.randevuNo} key={r.randevuNo} data-testid="find-result">
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={600}>
                    {r.motherName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.randevuNo} · {formatTrDate(r.date)} {r.time} · {r.programCode}
                  </Text>
                </div>
                <StatusChip status={r.status} />
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
