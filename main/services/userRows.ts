import type { users } from '../../database';
import type { UserSummary } from '../../preload/contract/types';
import { AppError } from '../app/appError';
import { DESK } from '../texts/desk';

type UserRow = users.UserRow;

export function userSummary(u: UserRow): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
  };
}

/** At least 10 characters (the schema checks), not containing the username, not one repeated character. */
export function checkPasswordStrength(username: string, password: string): void {
  const lower = password.toLocaleLowerCase('tr-TR');
  if (lower.includes(username.toLocaleLowerCase('tr-TR')) || /^(.)\1*$/u.test(password)) {
    throw new AppError('PASSWORD_WEAK', {}, { password: DESK.services.passwordTooWeak });
  }
}
