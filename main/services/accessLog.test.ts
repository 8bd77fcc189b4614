import { describe, expect, it } from 'vitest';
import { setUpApp } from '../testing/appFixture';
import { recordAccess } from './accessLog';

const DAY = '2026-11-24';
const FIXED = () => new Date('2026-11-24T09:30:00Z');

/** The KVKK access log pages instead of stopping silently at 500 entries. */
describe('access log pages', () => {
  it('600 views: pages of 200 by default, newest first, with the total; nothing is left out or repeated', async () => {
    const { app, ok } = await setUpApp({ now: FIXED });
    for (let i = 0; i < 600; i++) recordAccess(app, 'viewed', `appointment:35-2026-${String(i).padStart(6, '0')}`);
    const seen: number[] = [];
    let before: number | undefined;
    for (let page = 0; page < 3; page++) {
      const p = await ok('audit.accessLog', { from: DAY, to: DAY, ...(before ? { before } : {}) });
      expect(p.entries).toHaveLength(200);
      expect(p.total).toBe(600);
      seen.push(...p.entries.map((e) => e.seq));
      before = p.next ?? undefined;
      expect(p.next === null).toBe(page === 2);
    }
    expect(new Set(seen).size).toBe(600);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('a cursor, not an offset: a view recorded between pages does not shift them; the total follows', async () => {
    const { app, ok } = await setUpApp({ now: FIXED });
    for (let i = 0; i < 7; i++) recordAccess(app, 'viewed', `appointment:35-2026-00000${i}`);
    const first = await ok('audit.accessLog', { from: DAY, to: DAY, limit: 3 });
    expect(first).toMatchObject({ total: 7, next: first.entries[2]!.seq });
    recordAccess(app, 'printed', 'appointment:35-2026-000009');
    const second = await ok('audit.accessLog', { from: DAY, to: DAY, limit: 3, before: first.next! });
    const third = await ok('audit.accessLog', { from: DAY, to: DAY, limit: 3, before: second.next! });
    expect(second.total).toBe(8);
    expect(third.entries).toHaveLength(1);
    expect(third.next).toBeNull();
    const all = [...first.entries, ...second.entries, ...third.entries];
    expect(all.map((e) => e.entity)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `appointment:35-2026-00000${i}`));
  });

  it('the page size is checked: 1 to 500', async () => {
    const { call } = await setUpApp({ now: FIXED });
    for (const limit of [0, 501, 2.5]) {
      expect(await call('audit.accessLog', { from: DAY, to: DAY, limit })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { limit: { tr: 'Bir sayfada 1 ile 500 arasında kayıt istenebilir.' } } },
      });
    }
  });
});
