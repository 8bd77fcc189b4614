import type { TestProject } from 'vitest/node';
import { postgresBinDir, startCluster, type Cluster } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for the HQ tests, or why there is none. */
    hqPostgres: { url: string } | { skip: string };
  }
}

let cluster: Cluster | null = null;

/**
 * The HQ tests run on both engines. CI (.ci/run) starts a throwaway cluster and exports
 * MASA_HQ_TEST_DATABASE_URL; on a developer machine with Debian's postgresql installed this
 * starts its own cluster (and stops it afterwards); otherwise the server variant is skipped and
 * every test says why. Runs that name no hq/ test file leave the server alone.
 */
export default function setup(project: TestProject) {
  const url = process.env.MASA_HQ_TEST_DATABASE_URL;
  // The file filters of `vitest run a.test.ts b/…`: arguments that are not options or the config file.
  const argv = process.argv.slice(2);
  const filters = argv.filter((a, i) => !a.startsWith('-') && !/^--(config|c|project|reporter|pool)$/.test(argv[i - 1] ?? '') && a !== 'run' && !a.endsWith('vitest.config.ts') && !a.endsWith('vitest.mjs'));
  const wantsHq = filters.length === 0 || filters.some((f) => f.includes('hq'));
  if (url) project.provide('hqPostgres', { url });
  else if (!wantsHq) project.provide('hqPostgres', { skip: 'no hq test in this run' });
  else if (!postgresBinDir()) project.provide('hqPostgres', { skip: 'no PostgreSQL server: MASA_HQ_TEST_DATABASE_URL is not set and no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)' });
  else {
    try {
      cluster = startCluster({ settings: ['-c fsync=off'] });
      project.provide('hqPostgres', { url: cluster.url });
    } catch (e) {
      project.provide('hqPostgres', { skip: `could not start a throwaway PostgreSQL cluster: ${(e as Error).message.split('\n')[0]}` });
    }
  }
  return () => {
    cluster?.destroy();
    cluster = null;
  };
}
