import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verified against when no user matches, so a wrong email takes as long as a wrong password. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash('no-such-user-placeholder-password');
  return dummy;
}
