/** The appointment states of the desk day, with the chip texts the screens and forms show. */
const APPOINTMENT_STATUSES = ['BEKLIYOR', 'GELDI', 'ISLEMDE', 'KESIN_KAYIT', 'RET', 'EKSIK_EVRAK', 'GELMEDI', 'IPTAL'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const statusLabels: Record<AppointmentStatus, { tr: string; en: string; color: string }> = {
  BEKLIYOR: { tr: 'Bekliyor', en: 'Waiting', color: 'gray' },
  GELDI: { tr: 'Geldi', en: 'Arrived', color: 'blue' },
  ISLEMDE: { tr: 'İşlemde', en: 'In progress', color: 'violet' },
  KESIN_KAYIT: { tr: 'Kesin Kayıt', en: 'Registered', color: 'green' },
  RET: { tr: 'Ret', en: 'Rejected', color: 'red' },
  EKSIK_EVRAK: { tr: 'Eksik Evrak', en: 'Documents missing', color: 'orange' },
  GELMEDI: { tr: 'Gelmedi', en: 'No-show', color: 'dark' },
  IPTAL: { tr: 'İptal', en: 'Cancelled', color: 'gray' },
};

/** Outcome codes as the HQ contract and the forms spell them. */
export const OUTCOME_TEXT = { KESIN_KAYIT: 'KESİN KAYIT', RET: 'RET', EKSIK_EVRAK: 'EKSİK EVRAK' } as const;
export type OutcomeCode = keyof typeof OUTCOME_TEXT;

/** States in which the desk has not touched the appointment yet (an HQ re-import may still change it). */
export const NOT_STARTED: readonly AppointmentStatus[] = ['BEKLIYOR', 'IPTAL'];
