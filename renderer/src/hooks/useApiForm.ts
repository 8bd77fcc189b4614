import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { ApiError } from '../../../preload/contract/errors';
import { errorText, fieldErrors } from '../api/errorText';

/**
 * A Mantine form whose submit calls main. Main validates; its field messages land next to the
 * fields and its general message above the button. Double submits are ignored while busy.
 */
export function useApiForm<V extends Record<string, unknown>>(initialValues: V) {
  const form: UseFormReturnType<V> = useForm<V>({ initialValues });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  function submitWith(call: (values: V) => Promise<{ error: ApiError | null }>) {
    return form.onSubmit(async (values) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        const r = await call(values);
        if (r.error) {
          setError(r.error);
          form.setErrors(fieldErrors(r.error));
        }
      } finally {
        setBusy(false);
      }
    });
  }

  return { form, busy, error, errorMessage: error ? errorText(error) : null, submitWith };
}
