import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../../preload/contract/api';
import type { MasaApp } from '../app/masaApp';
import type { CliIO } from './output';

export interface CliContext {
  app: MasaApp;
  io: CliIO;
  /** Positional arguments after the command name. */
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  /** Calls the same handler table as the window does. */
  call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<ApiOutput<K>>>;
  /** Signs in with --user / MASA_USER and MASA_PASSWORD or standard input. */
  signIn(): Promise<ApiResult<unknown>>;
}

export interface CliCommand {
  name: string;
  summary: { tr: string; en: string };
  usage: { tr: string; en: string };
  /** Option names this command accepts (values are strings unless listed in `flags`). */
  options?: string[];
  flags?: string[];
  run(ctx: CliContext): Promise<number>;
}
