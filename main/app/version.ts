/** Kept in step with package.json by the release steps (docs/release.md). */
export const APP_VERSION = '0.1.0';
