import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFinalRegistrationForm } from './index';
import type { FinalRegistrationFormModel } from './models';
import { OBLIGATIONS, TURKISH_LETTERS, sampleFinalRegistrationForm } from './testing/fixtures';
import {
  decodeBarcodes,
  firstOutOfOrder,
  missingPdfTools,
  pdfFonts,
  pdfInfo,
  pdfText,
  renderPng,
  tempFolder,
  writePdf,
} from './testing/pdfTools';

const missing = missingPdfTools();
if (missing.length > 0) console.warn(`Skipping Kesin Kayıt Formu PDF tests: ${missing.join(', ')} not installed`);

/** pdftotext -layout wraps long lines and pads columns: compare with runs of spaces collapsed. */
const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(missing.length > 0)('Kesin Kayıt Formu', () => {
  const model = sampleFinalRegistrationForm();
  let tmp: ReturnType<typeof tempFolder>;
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    tmp = tempFolder('form');
    pdf = writePdf(tmp.dir, 'form', await renderFinalRegistrationForm(model));
    text = pdfText(pdf);
  });
  afterAll(() => tmp.cleanup());

  it('starts with the SGK header naming the directorate and the desk', () => {
    expect(firstOutOfOrder(text, ['T.C. SOSYAL GÜVENLİK KURUMU', 'İzmir Sosyal Güvenlik İl Müdürlüğü', 'Başvuru Masası 3'])).toBeNull();
  });

  it('prints every field, in reading order, with Turkish letters intact', () => {
    const needles = [
      'KESİN KAYIT FORMU',
      model.editionName,
      'Kayıt No',
      model.registrationNo,
      'Randevu No',
      model.appointmentNo,
      'Kesin Kayıt Tarihi',
      '02.07.2015 14:31',
      'Liste Sırası',
      'Asil 1.204 / 1.750',
      'Anne ve Çocuk Bilgileri',
      'Gülşen Özdemir Çağlayan-Işıkoğlu',
      'Ilgın Çağlayan-Işıkoğlu',
      model.mother.tckn,
      model.child.tckn!,
      '14.03.1988',
      '30.09.2014',
      'Çocuk Bakıcısı',
      'Şükriye Ağaoğlu Gümüşçü',
      '02.11.1971',
      'Destek Bilgileri',
      model.support.typeText,
      '390,00 EUR',
      'tek bildirimdir',
      'Programdaki Yükümlülükleriniz',
      ...OBLIGATIONS,
      'beyan ederim',
      'Anne',
      'Masa Görevlisi',
      'Şerife Gündoğdu',
      'İmza',
    ];
    expect(firstOutOfOrder(collapse(text), needles.map(collapse))).toBeNull();
  });

  it('extracts every Turkish letter as itself', () => {
    for (const letter of TURKISH_LETTERS) expect(text, letter).toContain(letter);
    // Composed code points, exactly as given: no dotless/dotted i or cedilla mix-ups.
    expect(text).toContain('Gülşen Özdemir Çağlayan-Işıkoğlu'.normalize('NFC'));
    expect(text).toContain('ÇOCUĞUNUZLA ilgili DEĞİŞİKLİKLERİ 15 GÜN İÇİNDE');
  });

  it('is one A4 portrait page numbered "Sayfa 1 / 1" with Roboto embedded', () => {
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 1 });
    expect(info.widthPt).toBeCloseTo(595.28, 1);
    expect(info.heightPt).toBeCloseTo(841.89, 1);
    expect(text).toContain('Sayfa 1 / 1');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/Roboto/);
      expect(font.embedded).toBe(true);
    }
  });

  it('carries a Code 128 barcode that an independent decoder reads back as the registration number', () => {
    const [png] = renderPng(pdf, 200, tmp.dir);
    expect(decodeBarcodes(png!)).toEqual([model.registrationNo]);
  });

  it('keeps a long registration number scannable by narrowing the bars within limits', async () => {
    const long: FinalRegistrationFormModel = { ...model, registrationNo: 'KK-34-KURUMSAL-2019-00012345' };
    const file = writePdf(tmp.dir, 'form-long', await renderFinalRegistrationForm(long));
    const [png] = renderPng(file, 200, tmp.dir);
    expect(decodeBarcodes(png!)).toEqual([long.registrationNo]);
    expect(pdfText(file)).toContain(long.registrationNo);
  });

  it('names the institution instead of a caregiver for institutional editions', async () => {
    const institutional: FinalRegistrationFormModel = {
      ...model,
      editionName: 'Kurumsal Çocuk Bakım Desteği 2019 – İstanbul',
      careProvider: { kind: 'institution', name: 'Özel Güneşli Çiçekler Anaokulu', code: '974512', address: 'Bağcılar / İstanbul' },
      support: { typeText: 'Kurumsal bakım desteği (kreş / anaokulu)', monthlyAmountMinor: 100_00, currency: 'EUR' },
      placement: 'Yedek 37',
    };
    const out = pdfText(writePdf(tmp.dir, 'form-inst', await renderFinalRegistrationForm(institutional)));
    expect(firstOutOfOrder(collapse(out), ['Bakım Kurumu', 'Özel Güneşli Çiçekler Anaokulu', '974512', 'Bağcılar / İstanbul', '100,00 EUR'])).toBeNull();
    expect(out).toContain('Yedek 37');
    expect(out).not.toContain('Çocuk Bakıcısı');
  });

  it('leaves an unknown T.C. Kimlik No or birth date visibly empty ("—") and prints each person’s own values', async () => {
    const unknown: FinalRegistrationFormModel = {
      ...model,
      mother: { ...model.mother, birthDate: null },
      child: { ...model.child, tckn: null },
      careProvider: { kind: 'caregiver', fullName: 'Gülizar Çelikkaya', tckn: null },
    };
    const file = writePdf(tmp.dir, 'form-unknown', await renderFinalRegistrationForm(unknown));
    const lines = pdfText(file).split('\n').map((l) => collapse(l).trim());
    expect(lines).toContain(`T.C. Kimlik No ${model.mother.tckn} —`);
    expect(lines).toContain('Doğum Tarihi — 30.09.2014');
    expect(lines).toContain('T.C. Kimlik No —');
  });

  it('refuses a number whose barcode would need bars too thin to scan, saying why', async () => {
    const tooLong = { ...model, registrationNo: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcde' };
    await expect(renderFinalRegistrationForm(tooLong)).rejects.toThrow(/shorter registration number format/);
  });

  it('refuses a registration number a Code 128 scanner could not type back', async () => {
    await expect(renderFinalRegistrationForm({ ...model, registrationNo: 'KK35-İZMİR-1' })).rejects.toThrow(/Code 128/);
  });

  it('refuses an impossible date instead of printing it', async () => {
    await expect(renderFinalRegistrationForm({ ...model, registeredAt: '2015-02-30T10:00:00' })).rejects.toThrow(/calendar day/);
  });
});
