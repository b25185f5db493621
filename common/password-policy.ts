/** Password policy: at least 10 characters and at least 3 of the 4 character classes. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordCheck {
  ok: boolean;
  length: boolean;
  classes: number;
}

/** Counts the classes (upper, lower, digit, symbol) a password uses and checks the policy. */
export function checkPassword(password: string): PasswordCheck {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  const length =
    [...password].length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH;
  return { ok: length && classes >= 3, length, classes };
}
