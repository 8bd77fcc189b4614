import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmResult, FactFieldView } from '../../../../../preload/contract/registrationTypes';
import { sendCatch } from '../../../api/client';
import { errorText, fieldErrors } from '../../../api/errorText';
import { DecisionPanel } from './DecisionPanel';
import { DocumentChecklist } from './DocumentChecklist';
import { EntrySummary } from './EntrySummary';
import { FactFieldInput } from './FactFieldInput';
import { useWizard } from './useWizard';
import { WizardDone } from './WizardDone';

const STEPS = ['identity', 'programme', 'documents', 'decision', 'confirm'] as const;

/**
 * The registration wizard: one step a screen, Enter to go on. Nothing is recorded until the
 * confirm step; the draft survives a reload. Decisions and validation come from main.
 */
export function RegistrationWizard({ randevuNo, onClose }: { randevuNo: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const { context, draft, update, evaluation, evaluate, error, closeDraft, reopenDraft } = useWizard(randevuNo);
  const [showErrors, setShowErrors] = useState(false);
  // The EKSİK EVRAK new appointment is part of the draft: leaving and coming back keeps it.
  const newAppointment = draft.newAppointment ?? { date: '', time: '' };
  const setNewAppointment = (v: { date: string; time: string }) => update((d) => ({ ...d, newAppointment: v }));
  const [confirmError, setConfirmError] = useState<{ text: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState<ConfirmResult | null>(null);
  const confirming = useRef(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useHotkeys([['alt+ArrowLeft', () => back()]]);
  // Each step puts the focus where the clerk works: the first field or checklist item, or the
  // primary button on the steps without typing (decision, confirm), so Enter goes on.
  useEffect(() => {
    if (draft.step >= 3) submitRef.current?.focus();
    else if (!formRef.current?.contains(document.activeElement)) formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [draft.step, evaluation?.decision?.outcome, context !== null]);

  if (done) return <WizardDone result={done} onClose={onClose} />;
  if (error && (!context || !evaluation)) {
    return (
      <Stack data-testid="wizard-error">
        <Alert color="red" role="alert">
          {error}
        </Alert>
        <Button variant="default" onClick={onClose} w={200} autoFocus>
          {t('wizard.leave')}
        </Button>
      </Stack>
    );
  }
  if (!context || !evaluation) return <Text>{t('common.loading')}</Text>;
  const step = draft.step;
  const visible = new Set(evaluation.visibleFields);
  const fieldsOf = (s: FactFieldView['step']) => context.fields.filter((f) => f.step === s && visible.has(f.key));
  const stepErrors = (s: FactFieldView['step']) => fieldsOf(s).filter((f) => evaluation.fieldErrors[f.key]);

  function go(to: number) {
    setShowErrors(false);
    update((d) => ({ ...d, step: to }));
  }
  function back() {
    if (step > 0) go(step - 1);
  }

  /** The new appointment of an EKSİK EVRAK checked where it is typed: both given and readable (main checks the day is after today). */
  function newAppointmentErrors(): Record<string, string> {
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newAppointment.date)) errs['newAppointment.date'] = newAppointment.date ? t('typed.date.format', { text: newAppointment.date }) : t('typed.required');
    if (!/^\d{2}:\d{2}$/.test(newAppointment.time)) errs['newAppointment.time'] = newAppointment.time ? t('typed.time.format', { text: newAppointment.time }) : t('typed.required');
    return errs;
  }

  async function next() {
    const ev = await evaluate(draft);
    if (!ev) return; // refused by main: the message is shown above the buttons
    const kind = STEPS[step];
    const visibleNow = new Set(ev.visibleFields);
    const blocking =
      kind === 'identity' || kind === 'programme'
        ? context!.fields.some((f) => f.step === kind && visibleNow.has(f.key) && ev.fieldErrors[f.key])
        : kind === 'documents'
          ? ev.documents.some((d) => draft.documents[d.code] === undefined)
          : kind === 'decision'
            ? ev.decision === null || (ev.decision.outcome === 'EKSIK_EVRAK' && Object.keys(newAppointmentErrors()).length > 0)
            : false;
    if (blocking) {
      setShowErrors(true);
      if (kind === 'decision') setConfirmError(ev.decision ? { text: t('wizard.fixFields', { count: Object.keys(newAppointmentErrors()).length }), fields: newAppointmentErrors() } : null);
      return;
    }
    setConfirmError(null);
    go(step + 1);
  }

  async function confirm() {
    // A second Enter while the first confirm is on its way does nothing here; main records once anyway.
    if (confirming.current) return;
    confirming.current = true;
    // The debounced draft save must not reach main after the outcome is recorded.
    closeDraft();
    const r = await sendCatch('registration.confirm', {
      randevuNo,
      submissionId: context!.submissionId,
      facts: draft.facts,
      documents: draft.documents,
      newAppointment: evaluation!.decision?.outcome === 'EKSIK_EVRAK' ? { date: newAppointment.date, time: newAppointment.time } : null,
    });
    confirming.current = false;
    if (r.error) {
      reopenDraft();
      // A refusal names its fields ("Yeni randevu saati: …"), not only "Girilen bilgiler eksik ya da hatalı".
      const fields = fieldErrors(r.error);
      const named = Object.entries(fields).map(([k, m]) => `${fieldLabel(k)}: ${m}`);
      setConfirmError({ text: named.length ? named.join(' · ') : errorText(r.error), fields });
    } else setDone(r.data);
  }

  function fieldLabel(key: string): string {
    if (key === 'newAppointment.date') return t('wizard.newDate');
    if (key === 'newAppointment.time') return t('wizard.newTime');
    return context!.fields.find((f) => f.key === key || `facts.${f.key}` === key)?.label[lang] ?? key;
  }

  const fieldStep = (s: FactFieldView['step']) => (
    <Stack>
      {fieldsOf(s).map((f, i) => (
        <FactFieldInput
          key={f.key}
          field={f}
          autoFocus={i === 0}
          value={draft.facts[f.key]}
          error={showErrors || draft.facts[f.key] !== undefined ? evaluation.fieldErrors[f.key] : undefined}
          onChange={(v) => update((d) => ({ ...d, facts: { ...d.facts, [f.key]: v } }))}
        />
      ))}
      {showErrors && stepErrors(s).length > 0 && (
        <Alert color="red" role="alert">
          {t('wizard.fixFields', { count: stepErrors(s).length })}
        </Alert>
      )}
    </Stack>
  );

  return (
    <Stack data-testid="wizard" data-step={STEPS[step]}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3">
            {t('wizard.title')}: {context.motherName}
          </Title>
          <Text size="sm" c="dimmed">
            {randevuNo} · {context.pack.name[lang]}
          </Text>
        </div>
        <Button variant="default" onClick={onClose}>
          {t('wizard.leave')}
        </Button>
      </Group>
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < step && go(s)}>
        {STEPS.map((s) => (
          <Stepper.Step key={s} label={t(`wizard.steps.${s}`)} />
        ))}
      </Stepper>
      <Paper withBorder p="md">
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (STEPS[step] === 'confirm') void confirm();
            else void next();
          }}
        >
          <Stack>
            {STEPS[step] === 'identity' && fieldStep('identity')}
            {STEPS[step] === 'programme' && fieldStep('programme')}
            {STEPS[step] === 'documents' && (
              <DocumentChecklist
                items={evaluation.documents}
                answers={draft.documents}
                showUnanswered={showErrors}
                onChange={(code, present) => update((d) => ({ ...d, documents: { ...d.documents, [code]: present } }))}
              />
            )}
            {STEPS[step] === 'decision' && evaluation.decision && (
              <DecisionPanel decision={evaluation.decision} newAppointment={newAppointment} setNewAppointment={setNewAppointment} errors={confirmError?.fields ?? {}} />
            )}
            {STEPS[step] === 'decision' && !evaluation.decision && <Alert color="red">{t('wizard.noDecision')}</Alert>}
            {STEPS[step] === 'confirm' && evaluation.decision && (
              <Stack>
                <Text>{t('wizard.confirmText')}</Text>
                <EntrySummary fields={context.fields} visible={visible} facts={draft.facts} documents={evaluation.documents} answers={draft.documents} />
                <DecisionPanel decision={evaluation.decision} newAppointment={newAppointment} setNewAppointment={setNewAppointment} errors={confirmError?.fields ?? {}} />
              </Stack>
            )}
            {confirmError && (
              <Alert color="red" role="alert">
                {confirmError.text}
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert" data-testid="wizard-error">
                {error}
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={back} disabled={step === 0}>
                {t('wizard.back')}
              </Button>
              <Button ref={submitRef} type="submit" color={STEPS[step] === 'confirm' ? 'teal.9' : undefined}>
                {STEPS[step] === 'confirm' ? t('wizard.confirm') : t('wizard.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
