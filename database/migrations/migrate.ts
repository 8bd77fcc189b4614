import type { RawDatabase } from '../vault/connection';
import { DatabaseError } from '../shared/errors';
import { latestVersion, migrations, type Migration } from '.';

export function schemaVersion(db: RawDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file to the newest schema, one transaction per migration (the transaction also
 * sets user_version, so a crash leaves either the old or the new version, never a mix).
 * A file written by a newer Masa is refused untouched.
 */
export function migrate(db: RawDatabase, list: readonly Migration[] = migrations): number {
  const current = schemaVersion(db);
  const newest = list.length ? list[list.length - 1]!.version : 0;
  if (current > newest) {
    throw new DatabaseError('DB_NEWER_SCHEMA', `schema ${current} is newer than this version knows (${newest})`, {
      fileVersion: current,
      appVersion: newest,
    });
  }
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}

export { latestVersion };
