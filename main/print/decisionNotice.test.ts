import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDecisionNotice } from './index';
import { sampleDecisionNotice } from './testing/fixtures';
import { firstOutOfOrder, missingPdfTools, pdfInfo, pdfText, tempFolder, writePdf } from './testing/pdfTools';

const missing = missingPdfTools();
if (missing.length > 0) console.warn(`Skipping Ret / Eksik Evrak PDF tests: ${missing.join(', ')} not installed`);

const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(missing.length > 0)('Ret / Eksik Evrak bildirimi', () => {
  let tmp: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    tmp = tempFolder('decision');
  });
  afterAll(() => tmp.cleanup());

  it('states a rejection with each rule code and its plain-Turkish reason, and no new appointment', async () => {
    const model = sampleDecisionNotice('rejected');
    const pdf = writePdf(tmp.dir, 'ret', await renderDecisionNotice(model));
    const text = pdfText(pdf);
    const needles = [
      'T.C. SOSYAL GÜVENLİK KURUMU',
      'İzmir Sosyal Güvenlik İl Müdürlüğü',
      'RET BİLDİRİMİ',
      'Karar',
      'RET',
      model.appointmentNo,
      '02.07.2015 11:04',
      'Gülşen Özdemir Çağlayan-Işıkoğlu',
      model.mother.tckn,
      'kabul edilmemiştir',
      'Gerekçeler',
      ...model.reasons.flatMap((r) => [r.code, r.text]),
      'Anne (Tebellüğ Eden)',
      'İsmail Çakır',
      'Sayfa 1 / 1',
    ];
    expect(firstOutOfOrder(collapse(text), needles.map(collapse))).toBeNull();
    expect(text).not.toContain('Yeni Randevu');
    expect(text).not.toContain('EKSİK EVRAK');
    expect(pdfInfo(pdf).pages).toBe(1);
  });

  it('lists the missing documents and the new appointment date and time', async () => {
    const model = sampleDecisionNotice('missingDocuments');
    const text = pdfText(writePdf(tmp.dir, 'eksik', await renderDecisionNotice(model)));
    const needles = [
      'EKSİK EVRAK BİLDİRİMİ',
      'EKSİK EVRAK',
      'tamamlanamamıştır',
      'Gerekçeler',
      'DOC_EK9',
      'Eksik Belgeler',
      ...model.missingDocuments,
      'Yeni Randevu',
      '09.07.2015',
      '10:40',
      'Sayfa 1 / 1',
    ];
    expect(firstOutOfOrder(collapse(text), needles.map(collapse))).toBeNull();
  });

  it('says so when an incomplete file gets no new appointment', async () => {
    const model = { ...sampleDecisionNotice('missingDocuments'), newAppointment: null };
    const text = pdfText(writePdf(tmp.dir, 'eksik-no-slot', await renderDecisionNotice(model)));
    expect(collapse(text)).toContain('yeni randevu verilmemiştir');
  });

  it('refuses a rejection that offers a new appointment', async () => {
    const model = { ...sampleDecisionNotice('rejected'), newAppointment: { date: '2015-07-09', time: '10:40' } };
    await expect(renderDecisionNotice(model)).rejects.toThrow(/new appointment/);
  });
});
