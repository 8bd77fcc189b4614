import type { ErrorCode } from '../../preload/contract/errors';
import type { Role, SessionInfo } from '../../preload/contract/types';

/** Who is signed in on this window (or bridge, or CLI run). Held in main, never in the renderer. */
export interface Session {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  locked: boolean;
  lastActivity: number;
  /** Set when the start-up check failed: read-only rescue, only restore and sign-out work. */
  rescue: {
    integrity: string;
    firstBadSeq: number | null;
    problem: string | null;
    /** The damage class found (ledgerDamage.ts): every refused request in rescue says it. */
    code: ErrorCode;
    params: Record<string, string | number>;
  } | null;
}

export function sessionInfo(s: Session): SessionInfo {
  const { userId, username, displayName, role, mustChangePassword, locked } = s;
  return { userId, username, displayName, role, mustChangePassword, locked };
}
