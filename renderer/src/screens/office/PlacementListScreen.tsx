import { Alert, Button, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacementListOptions, PrintedDocument } from '../../../../preload/contract/printTypes';
import { sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';
import { PdfPreview } from '../../shell/PdfPreview';
import { turkishFilter } from '../../shell/turkishFilter';

/**
 * The office head's Asil / Yedek list for a programme edition and a province, as of now:
 * previewed with print and "PDF olarak kaydet" like every printed document.
 */
export function PlacementListScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [options, setOptions] = useState<PlacementListOptions | null>(null);
  const [edition, setEdition] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [maskTckn, setMaskTckn] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [doc, setDoc] = useState<PrintedDocument | null>(null);

  useEffect(() => {
    void sendCatch('print.listOptions', {}).then((r) => {
      if (r.error) return setError(errorText(r.error));
      setOptions(r.data);
      // The office's own edition and province first: the list a head prints most.
      const first = r.data.editions.find((e) => e.provinces.some((p) => p.code === r.data.officeProvinceCode)) ?? r.data.editions[0];
      setEdition(first?.code ?? null);
      setProvince(first?.provinces.some((p) => p.code === r.data.officeProvinceCode) ? r.data.officeProvinceCode : (first?.provinces[0]?.code ?? null));
    });
  }, []);

  const chosen = options?.editions.find((e) => e.code === edition);
  const provinceData = useMemo(() => (chosen?.provinces ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })), [chosen]);
  const quota = chosen?.provinces.find((p) => p.code === province)?.quota;

  async function preview() {
    if (!edition || !province) return;
    setBusy(true);
    const r = await sendCatch('print.placementList', { programCode: edition, provinceCode: province, maskTckn });
    setBusy(false);
    if (r.error) setError(errorText(r.error));
    else {
      setError(null);
      setDoc(r.data);
    }
  }

  return (
    <Stack maw={640}>
      <Title order={2} size="h3">
        {t('placementList.title')}
      </Title>
      <Text size="sm">{t('placementList.explain')}</Text>
      {options && (
        <>
          <Select
            label={t('placementList.edition')}
            data={options.editions.map((e) => ({ value: e.code, label: `${e.code} · ${e.name[lang]}` }))}
            value={edition}
            allowDeselect={false}
            onChange={(v) => {
              setEdition(v);
              const e = options.editions.find((x) => x.code === v);
              if (e && !e.provinces.some((p) => p.code === province)) setProvince(e.provinces[0]?.code ?? null);
            }}
          />
          <Select label={t('placementList.province')} data={provinceData} value={province} searchable filter={turkishFilter} allowDeselect={false} onChange={setProvince} />
          {quota !== undefined && <Text size="sm" data-testid="placement-quota">{t('placementList.quota', { quota: quota.toLocaleString('tr-TR') })}</Text>}
          <Checkbox label={t('placementList.maskTckn')} checked={maskTckn} onChange={(e) => setMaskTckn(e.currentTarget.checked)} />
          <Group>
            <Button onClick={() => void preview()} loading={busy} disabled={!edition || !province}>
              {t('placementList.preview')}
            </Button>
          </Group>
        </>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <PdfPreview doc={doc} onClose={() => setDoc(null)} />
    </Stack>
  );
}
