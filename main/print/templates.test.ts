import { describe, expect, it } from 'vitest';
import trJson from './templates/tr.json';
import { fill, templateSchema, tr } from './templates';

describe('print templates', () => {
  it('loads the Turkish texts', () => {
    expect(tr.common.institution).toBe('T.C. SOSYAL GÜVENLİK KURUMU');
    expect(fill(tr.common.pageOf, { page: 2, pages: 3 })).toBe('Sayfa 2 / 3');
    expect(fill(tr.common.directorate, { province: 'Elazığ' })).toBe('Elazığ Sosyal Güvenlik İl Müdürlüğü');
  });

  it('refuses a template with a mistyped or missing placeholder', () => {
    const broken = structuredClone(trJson);
    broken.common.pageOf = 'Sayfa {sayfa} / {pages}';
    expect(templateSchema.safeParse(broken).success).toBe(false);
  });

  it('refuses a template with a missing or unknown key', () => {
    const missing = structuredClone(trJson) as Record<string, unknown>;
    delete (missing.common as Record<string, unknown>).signature;
    expect(templateSchema.safeParse(missing).success).toBe(false);
    const extra = structuredClone(trJson) as Record<string, unknown>;
    (extra.common as Record<string, unknown>).signatur = 'İmza';
    expect(templateSchema.safeParse(extra).success).toBe(false);
  });

  it('refuses a placeholder in a fixed label', () => {
    const broken = structuredClone(trJson);
    broken.common.signature = 'İmza {name}';
    expect(templateSchema.safeParse(broken).success).toBe(false);
  });

  it('throws when a placeholder has no value', () => {
    expect(() => fill('Sayfa {page} / {pages}', { page: 1 })).toThrow(/\{pages\}/);
  });
});
