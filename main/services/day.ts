import { appointments as appointmentsQ } from '../../database';
import type { DayAppointment } from '../../preload/contract/types';
import { trTitle } from '../domain/turkishText';
import type { MasaApp } from '../app/masaApp';

const STATUS_LABEL: Record<string, string> = {
  BEKLIYOR: 'Bekliyor',
  GELDI: 'Geldi',
  ISLEMDE: 'İşlemde',
  KESIN_KAYIT: 'Kesin Kayıt',
  RET: 'Ret',
  EKSIK_EVRAK: 'Eksik Evrak',
  GELMEDI: 'Gelmedi',
  IPTAL: 'İptal',
};

export function dayAppointments(app: MasaApp, date: string): { date: string; appointments: DayAppointment[] } {
  const rows = appointmentsQ.appointmentsOfDay(app.requireStore().db, date);
  return {
    date,
    appointments: rows.map((r) => ({
      randevuNo: r.randevu_no,
      programCode: r.program_code,
      time: r.time,
      motherName: trTitle(`${r.mother_first_name} ${r.mother_last_name}`),
      status: STATUS_LABEL[r.status] ?? r.status,
    })),
  };
}
