import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Evaluation, WizardContext, WizardDraft } from '../../../../../preload/contract/registrationTypes';
import { sendCatch } from '../../../api/client';
import { errorText } from '../../../api/errorText';

/**
 * The wizard's state: context from main, the draft (saved to main as the clerk types, so a
 * reload or a closed window keeps it), and main's evaluation of the facts so far. A refusal
 * from main (start, evaluate, draft save) is shown in the user's language, never swallowed.
 */
export function useWizard(randevuNo: string) {
  const [context, setContext] = useState<WizardContext | null>(null);
  const [draft, setDraft] = useState<WizardDraft>({ step: 0, facts: {}, documents: {} });
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  /** Why the wizard cannot open or go on (start or evaluate refused). */
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  /** After confirm nothing is saved as a draft any more (main refuses it too). */
  const closed = useRef(false);

  useEffect(() => {
    void sendCatch('registration.start', { randevuNo }).then((r) => {
      if (r.error) return setError(errorText(r.error));
      setContext(r.data);
      if (r.data.draft) setDraft(r.data.draft);
    });
  }, [randevuNo]);

  const saveDraft = useDebouncedCallback(
    (d: WizardDraft) => {
      if (closed.current) return;
      void sendCatch('registration.saveDraft', { randevuNo, draft: d }).then((r) => {
        if (r.error && r.error.code !== 'DRAFT_CLOSED') notifications.show({ color: 'red', message: errorText(r.error) });
      });
    },
    // Leaving the wizard (Bırak, another screen, F2 elsewhere) saves what was typed last.
    { delay: 300, flushOnUnmount: true },
  );

  // A reload or a closed window: save the pending draft now rather than drop it.
  useEffect(() => {
    const flush = () => saveDraft.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [saveDraft]);

  const evaluate = useCallback(
    async (d: WizardDraft) => {
      const mine = ++seq.current;
      const r = await sendCatch('registration.evaluate', { randevuNo, facts: d.facts, documents: d.documents });
      if (r.error) {
        if (mine === seq.current) setError(errorText(r.error));
        return null;
      }
      if (mine === seq.current) {
        setError(null);
        setEvaluation(r.data);
      }
      return r.data;
    },
    [randevuNo],
  );

  useEffect(() => {
    if (context) void evaluate(draft);
    // evaluate on every change of facts/documents; the step alone needs no evaluation
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context, draft.facts, draft.documents]);

  const update = useCallback(
    (fn: (d: WizardDraft) => WizardDraft) => {
      setDraft((prev) => {
        const next = fn(prev);
        saveDraft(next);
        return next;
      });
    },
    [saveDraft],
  );

  /** Confirm is on its way: the pending draft save is dropped, and no later one is sent. */
  const closeDraft = useCallback(() => {
    closed.current = true;
    saveDraft.cancel();
  }, [saveDraft]);
  /** Confirm was refused: the clerk goes on working, drafts are saved again. */
  const reopenDraft = useCallback(() => {
    closed.current = false;
  }, []);

  return { context, draft, update, evaluation, evaluate, error, closeDraft, reopenDraft };
}
