/**
 * Named places where crash tests kill the process (SIGKILL, no clean-up), in the style of
 * SQLite's own crash tests. Inert unless MASA_TEST_CRASH_AT names the point.
 */
export function crashPoint(name: string): void {
  const target = process.env.MASA_TEST_CRASH_AT;
  if (target && target === name) process.kill(process.pid, 'SIGKILL');
}
