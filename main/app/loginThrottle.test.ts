import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { LoginThrottle } from './loginThrottle';

describe('login throttle', () => {
  it('three free tries, then 2, 4, 8 ... seconds; a success clears the count', () => {
    let t = 0;
    const th = new LoginThrottle(() => t);
    for (let i = 0; i < 3; i++) th.failed('mudur');
    expect(th.waitSeconds('mudur')).toBe(0);
    th.failed('mudur');
    expect(th.waitSeconds('mudur')).toBe(2);
    th.failed('mudur');
    expect(th.waitSeconds('mudur')).toBe(4);
    t += 4000;
    expect(th.waitSeconds('mudur')).toBe(0);
    expect(th.waitSeconds('baska')).toBe(0);
    th.succeeded('mudur');
    th.failed('mudur');
    expect(th.waitSeconds('mudur')).toBe(0);
  });

  it('kept in a file, one process after another sees the failures of the one before (as CLI runs do)', () => {
    const file = path.join(tempDir('masa-throttle-'), 'giris-denemeleri.json');
    let t = 1_000_000;
    for (let run = 0; run < 5; run++) new LoginThrottle(() => t, file).failed('Mudur');
    // A new instance (a new CLI process) on the same file: held back, whatever the case of the name.
    expect(new LoginThrottle(() => t, file).waitSeconds('mudur')).toBe(4);
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/mudur/i);
    t += 5000;
    const later = new LoginThrottle(() => t, file);
    expect(later.waitSeconds('mudur')).toBe(0);
    later.succeeded('mudur');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('an unreadable or foreign file counts as no failures, never as an error', () => {
    const file = path.join(tempDir('masa-throttle-'), 'giris-denemeleri.json');
    fs.writeFileSync(file, '{ bozuk');
    expect(new LoginThrottle(() => 0, file).waitSeconds('mudur')).toBe(0);
    fs.writeFileSync(file, JSON.stringify({ mudur: { count: 99, until: 1e15 } }));
    expect(new LoginThrottle(() => 0, file).waitSeconds('mudur')).toBe(0);
  });
});
