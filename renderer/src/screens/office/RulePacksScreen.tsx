import { Alert, Button, Code, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqKeyView, PackListRow } from '../../../../preload/contract/packTypes';
import { sendCatch } from '../../api/client';
import { errorText } from '../../api/errorText';

/** dd.MM.yyyy HH:mm in Turkey time, whatever the PC's zone. */
function trTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 3 * 3600_000).toISOString();
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 16)}`;
}
const trDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/**
 * The office head's *Kural paketleri*: every pack (built-in or loaded) with its identity, who
 * loaded it and the signing key; *Paket yükle* for a signed pack file; HQ keys, where a new one
 * is added only after its fingerprint is shown and confirmed.
 */
export function RulePacksScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'tr';
  const [packs, setPacks] = useState<PackListRow[] | null>(null);
  const [keys, setKeys] = useState<HqKeyView[]>([]);
  const [path, setPath] = useState('');
  const [pem, setPem] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<[string, string][]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function refresh() {
    const [p, k] = await Promise.all([sendCatch('rules.packList', {}), sendCatch('rules.hqKeyList', {})]);
    if (p.error) return setError(errorText(p.error));
    if (k.error) return setError(errorText(k.error));
    setPacks(p.data);
    setKeys(k.data);
  }
  useEffect(() => void refresh(), []);

  const fail = (e: Parameters<typeof errorText>[0] & { fields?: Record<string, { tr: string; en: string }> }) => {
    setError(errorText(e));
    setProblems(Object.entries(e.fields ?? {}).map(([k, m]) => [k, m[lang]]));
  };
  const clear = () => {
    setError(null);
    setProblems([]);
    setNotice(null);
  };

  async function load() {
    clear();
    setBusy(true);
    const r = await sendCatch('rules.packLoad', { path: path.trim() });
    setBusy(false);
    if (r.error) return fail(r.error);
    setNotice(t('rulePacks.loaded', { label: r.data.label }));
    setPath('');
    await refresh();
  }
  async function showFingerprint() {
    clear();
    const r = await sendCatch('rules.hqKeyPreview', { pem });
    if (r.error) return fail(r.error);
    setPreview(r.data.fingerprint);
  }
  async function addKey() {
    if (!preview) return;
    clear();
    const r = await sendCatch('rules.hqKeyAdd', { pem, confirmFingerprint: preview, name: 'SGK-HQ' });
    if (r.error) return fail(r.error);
    setNotice(t('rulePacks.keyAdded', { fingerprint: r.data.fingerprint }));
    setPem('');
    setPreview(null);
    await refresh();
  }

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('rulePacks.title')}
      </Title>
      <Text size="sm">{t('rulePacks.intro')}</Text>
      {error && (
        <Alert color="red" data-testid="rule-packs-error">
          <Text size="sm">{error}</Text>
          {problems.map(([k, m]) => (
            <Text size="xs" key={k}>
              <Code>{k}</Code> {m}
            </Text>
          ))}
        </Alert>
      )}
      {notice && (
        <Alert color="green" data-testid="rule-packs-notice">
          {notice}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="rule-packs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rulePacks.code')}</Table.Th>
            <Table.Th>{t('rulePacks.name')}</Table.Th>
            <Table.Th>{t('rulePacks.edition')}</Table.Th>
            <Table.Th>{t('rulePacks.validity')}</Table.Th>
            <Table.Th>{t('rulePacks.hash')}</Table.Th>
            <Table.Th>{t('rulePacks.origin')}</Table.Th>
            <Table.Th>{t('rulePacks.signer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(packs ?? []).map((p) => (
            <Table.Tr key={p.label} data-testid={`pack-${p.code}-${p.edition}`}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>{p.name[lang]}</Table.Td>
              <Table.Td>{p.edition}</Table.Td>
              <Table.Td>
                {trDay(p.validFrom)} – {p.validTo ? trDay(p.validTo) : t('rulePacks.open')}
              </Table.Td>
              <Table.Td>
                <Code>{p.hash.slice(0, 8)}</Code>
              </Table.Td>
              <Table.Td>{p.origin === 'builtin' ? t('rulePacks.builtin') : t('rulePacks.loadedBy', { who: p.loadedBy, at: p.loadedAt ? trTime(p.loadedAt) : '' })}</Table.Td>
              <Table.Td>{p.signer ? <Code>{p.signer.slice(0, 19)}…</Code> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end">
        <TextInput label={t('rulePacks.loadPath')} value={path} onChange={(e) => setPath(e.currentTarget.value)} w={480} data-testid="pack-path" />
        <Button onClick={() => void load()} loading={busy} disabled={!path.trim()} data-testid="pack-load">
          {t('rulePacks.load')}
        </Button>
      </Group>

      <Title order={3} size="h4">
        {t('rulePacks.keysTitle')}
      </Title>
      {keys.length === 0 ? (
        <Text size="sm">{t('rulePacks.noKeys')}</Text>
      ) : (
        <Stack gap={4} data-testid="hq-keys">
          {keys.map((k) => (
            <Text size="sm" key={k.fingerprint}>
              <Code>{k.fingerprint}</Code> {k.name} · {k.origin === 'shipped' ? t('rulePacks.shipped') : t('rulePacks.added', { who: k.addedBy, at: k.addedAt ? trTime(k.addedAt) : '' })}
              {k.retiredFrom ? ` · ${t('rulePacks.retired', { date: trDay(k.retiredFrom) })}` : ''}
            </Text>
          ))}
        </Stack>
      )}
      <Textarea
        label={t('rulePacks.keyPem')}
        value={pem}
        onChange={(e) => {
          setPem(e.currentTarget.value);
          setPreview(null);
        }}
        autosize
        minRows={3}
        w={560}
        data-testid="hq-key-pem"
      />
      {!preview ? (
        <Group>
          <Button variant="default" onClick={() => void showFingerprint()} disabled={!pem.trim()} data-testid="hq-key-preview">
            {t('rulePacks.showFingerprint')}
          </Button>
        </Group>
      ) : (
        <Alert color="yellow" data-testid="hq-key-confirm">
          <Text size="sm">
            {t('rulePacks.fingerprint')}: <Code data-testid="hq-key-fingerprint">{preview}</Code>
          </Text>
          <Text size="sm">{t('rulePacks.confirmText')}</Text>
          <Group mt="xs">
            <Button onClick={() => void addKey()} data-testid="hq-key-add">
              {t('rulePacks.confirmAdd')}
            </Button>
            <Button variant="subtle" onClick={() => setPreview(null)}>
              {t('rulePacks.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
