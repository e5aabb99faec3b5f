// How hard a new password is to guess: zxcvbn-ts (a maintained TypeScript port of Dropbox's
// zxcvbn) with its common and English dictionaries, on the server only (the dictionaries are large;
// no browser loads them). Every new password passes here: accepting an invitation, a change, a reset.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score (0–4) a new password must reach: 3 is "safely unguessable" against an online attack and a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordTooWeak' | 'passwordMismatch';

/**
 * Why a new password is refused, or null. `related`: what the password must not be built from
 * (the user's e-mail address, name, company), so "acme-alice-2026" is weak here.
 */
export function passwordProblem(password: string, related: string[] = []): Exclude<PasswordProblem, 'passwordMismatch'> | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const inputs = related.flatMap((text) => [text, ...text.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 3);
  return estimator().check(password, inputs).score < MIN_PASSWORD_SCORE ? 'passwordTooWeak' : null;
}
