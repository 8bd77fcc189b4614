import { normalizeUsername, users as usersQ } from '../../database';
import type { ApiParsedInput } from '../../preload/contract/api';
import type { UserSummary } from '../../preload/contract/types';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { checkPasswordStrength, userSummary } from './userRows';
import { DESK } from '../texts/desk';

/** User management for the office head. Every change is a ledger event; key slots change around it (database/vault/slotChange.ts). */
export function listUsers(app: MasaApp): UserSummary[] {
  return usersQ.listUsers(app.requireStore().reader).map(userSummary);
}

export function createUser(app: MasaApp, input: ApiParsedInput<'users.create'>): UserSummary {
  const store = app.requireStore();
  const actor = app.requireSession();
  const username = normalizeUsername(input.username);
  if (usersQ.userByUsername(store.reader, username)) {
    throw new AppError('USERNAME_TAKEN', {}, { username: DESK.services.usernameTaken });
  }
  checkPasswordStrength(username, input.password);
  const id = usersQ.nextUserId(store.reader);
  store.recordWithSlots({ type: 'user.created', entity: `user:${id}`, userId: actor.userId }, [{ kind: 'user', username, secret: input.password }], (w) => {
    w.put('users', {
      id,
      username,
      display_name: input.displayName,
      role: input.role,
      disabled: 0,
      // A password the head chose is a temporary one: the user sets their own at first sign-in.
      must_change_password: 1,
      created_at: app.now().toISOString(),
    });
    w.note({ role: input.role });
  });
  return userSummary(usersQ.userById(store.reader, id)!);
}

export function setDisabled(app: MasaApp, input: ApiParsedInput<'users.setDisabled'>): UserSummary {
  const store = app.requireStore();
  const actor = app.requireSession();
  const user = usersQ.userById(store.reader, input.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (input.disabled && user.role === 'HEAD' && !user.disabled && usersQ.activeHeadCount(store.reader) <= 1) {
    throw new AppError('LAST_HEAD');
  }
  store.ledger.record({ type: input.disabled ? 'user.disabled' : 'user.enabled', entity: `user:${user.id}`, userId: actor.userId }, (w) => {
    // Disabling destroys the slot, so the password no longer opens anything; enabling needs a reset.
    w.put('users', { ...user, disabled: input.disabled ? 1 : 0, must_change_password: input.disabled ? user.must_change_password : 1 });
  });
  // After the event: a crash before this leaves a slot whose user the ledger says is disabled (refused at sign-in).
  if (input.disabled) store.removeSlot(user.username);
  return userSummary(usersQ.userById(store.reader, user.id)!);
}

export function resetPassword(app: MasaApp, input: ApiParsedInput<'users.resetPassword'>): UserSummary {
  const store = app.requireStore();
  const actor = app.requireSession();
  const user = usersQ.userById(store.reader, input.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  checkPasswordStrength(user.username, input.password);
  store.recordWithSlots({ type: 'user.password_reset', entity: `user:${user.id}`, userId: actor.userId }, [{ kind: 'user', username: user.username, secret: input.password }], (w) => {
    w.put('users', { ...user, must_change_password: 1 });
  });
  return userSummary(usersQ.userById(store.reader, user.id)!);
}
