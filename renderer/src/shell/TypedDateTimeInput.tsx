import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToTrDate, parseTypedDate, parseTypedTime } from '../../../preload/contract/typedInput';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  /** The understood value (ISO day or HH:mm), the text as typed when it cannot be read (main then refuses it by field), or '' when empty. */
  onChange: (v: string) => void;
};

/**
 * A field that keeps what was typed: it is read as it is typed, and text that cannot be read
 * stays on screen with the reason beside it (never the old value put back silently), and goes
 * on to main as typed, so the step cannot go on with it.
 */
function TypedField({ value, onChange, error, read, show, ...rest }: Props & { read: (text: string) => { value: string } | { reason: string }; show: (v: string) => string }) {
  const [text, setText] = useState(() => show(value));
  const emitted = useRef(value);
  useEffect(() => {
    // A value set from outside (a draft, a prefill) replaces the text; our own echo does not.
    if (value !== emitted.current) {
      emitted.current = value;
      setText(show(value));
    }
  }, [value, show]);
  const typed = text.trim();
  const result = typed ? read(typed) : null;
  const localError = result && 'reason' in result ? result.reason : null;
  return (
    <TextInput
      {...rest}
      value={text}
      error={localError ?? error}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const r = t.trim() ? read(t.trim()) : null;
        const v = r === null ? '' : 'value' in r ? r.value : t.trim();
        emitted.current = v;
        onChange(v);
      }}
      onBlur={(e) => {
        // Once understood, the text is shown the one way users read it (07071987 -> 07.07.1987).
        if (result && 'value' in result) setText(show(result.value));
        rest.onBlur?.(e);
      }}
    />
  );
}

export function TypedDateInput(props: Props) {
  const { t } = useTranslation();
  const read = (text: string) => {
    const r = parseTypedDate(text);
    return r.ok ? { value: r.iso } : { reason: t(`typed.date.${r.reason}`, { text }) };
  };
  return <TypedField placeholder="gg.aa.yyyy" inputMode="numeric" {...props} read={read} show={isoToTrDate} />;
}

const sameTime = (v: string) => v;
export function TypedTimeInput(props: Props) {
  const { t } = useTranslation();
  const read = (text: string) => {
    const r = parseTypedTime(text);
    return r.ok ? { value: r.time } : { reason: t(`typed.time.${r.reason}`, { text }) };
  };
  return <TypedField placeholder="SS:dd" maxLength={5} inputMode="numeric" {...props} read={read} show={sameTime} />;
}
