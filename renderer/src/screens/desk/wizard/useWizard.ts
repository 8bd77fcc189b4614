import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Evaluation, WizardContext, WizardDraft } from '../../../../../preload/contract/registrationTypes';
import { send } from '../../../api/client';

/**
 * The wizard's state: context from main, the draft (saved to main as the clerk types, so a
 * reload or a closed window keeps it), and main's evaluation of the facts so far.
 */
export function useWizard(randevuNo: string) {
  const [context, setContext] = useState<WizardContext | null>(null);
  const [draft, setDraft] = useState<WizardDraft>({ step: 0, facts: {}, documents: {} });
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    void send('registration.start', { randevuNo }).then((ctx) => {
      setContext(ctx);
      if (ctx.draft) setDraft(ctx.draft);
    });
  }, [randevuNo]);

  const saveDraft = useDebouncedCallback((d: WizardDraft) => void send('registration.saveDraft', { randevuNo, draft: d }), 300);

  const evaluate = useCallback(
    async (d: WizardDraft) => {
      const mine = ++seq.current;
      const ev = await send('registration.evaluate', { randevuNo, facts: d.facts, documents: d.documents });
      if (mine === seq.current) setEvaluation(ev);
      return ev;
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

  return { context, draft, update, evaluation, evaluate };
}
