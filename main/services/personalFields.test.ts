import { describe, expect, it } from 'vitest';
import { ERASED, eraseAppointmentRow } from './personalFields';

describe('erasing an appointment row', () => {
  const row = {
    randevu_no: '35-2026-000001', program_code: 'BAKICI-2020', province_code: '35', date: '2026-11-24', time: '09:00',
    mother_tckn: '10000000146', mother_first_name: 'Şükran', mother_last_name: 'Öztürk', phone: '05321234567', search_name: 'sukran ozturk',
  };

  it('blanks the personal columns and keeps the rest', () => {
    const erased = eraseAppointmentRow(row);
    expect(erased).toMatchObject({ randevu_no: '35-2026-000001', date: '2026-11-24', mother_tckn: ERASED, mother_first_name: ERASED, phone: null, search_name: '' });
    // A column the row does not have is not added (rows written after migration 0080).
    expect(erased).not.toHaveProperty('search_last');
  });

  it('also blanks the second folded name that rows of events before migration 0080 carry', () => {
    expect(eraseAppointmentRow({ ...row, search_last: 'ozturk sukran' }).search_last).toBe('');
  });
});
