import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

/** The relying party: the product's public origin and its host name (WebAuthn needs a domain, not an IP address). */
export function relyingParty(publicUrl: string) {
  const url = new URL(publicUrl);
  return { rpName: 'Bedriftsbillett', rpID: url.hostname, origin: url.origin };
}

type RelyingParty = ReturnType<typeof relyingParty>;

/**
 * Options for creating a passkey: a discoverable credential with user verification (so it can be
 * the whole login), none of the person's existing passkeys again, no attestation.
 */
export function passkeyCreationOptions(
  rp: RelyingParty,
  user: { id: string; email: string; name: string },
  existing: { credentialId: string; transports: string[] }[],
) {
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userID: new TextEncoder().encode(user.id),
    userName: user.email,
    userDisplayName: user.name || user.email,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: 300_000,
  });
}

/** Options for using a passkey: any of the person's (second step), or any discoverable one (login alone). */
export function passkeyRequestOptions(
  rp: RelyingParty,
  allowed: { credentialId: string; transports: string[] }[],
) {
  return generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: 'required',
    allowCredentials: allowed.map((p) => ({ id: p.credentialId, transports: p.transports })),
    timeout: 300_000,
  });
}

/** The challenge a browser's answer claims to answer (read from its client data), or null if unreadable. */
export function challengeOf(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'));
    return typeof data.challenge === 'string' ? data.challenge : null;
  } catch {
    return null;
  }
}

/** Verifies a new passkey against our challenge, origin and RP id; its credential, or null. */
export async function verifyNewPasskey(
  rp: RelyingParty,
  response: RegistrationResponseJSON,
  challenge: string,
) {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
    if (!result.verified) return null;
    const { credential } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch {
    return null;
  }
}

/** Verifies a passkey's signature over our challenge; the new counter, or null. */
export async function verifyPasskeyUse(
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  challenge: string,
  passkey: { credentialId: string; publicKey: string; counter: number; transports: string[] },
): Promise<number | null> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}

export type { AuthenticationResponseJSON, RegistrationResponseJSON };
