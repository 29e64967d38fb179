import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { deviceSigningInput, encodeCode, fromBase64url, toBuffer } from '../../src/domain/ticket-code';

/**
 * A wallet device in tests: a P-256 key (as WebCrypto makes it in the browser), DPoP proofs
 * (RFC 9449) for a request, and the QR code text for a credential at a time.
 */
export async function newDevice(baseUrl: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: false });
  const jwk = await exportJWK(publicKey);
  const proof = (
    method: string,
    path: string,
    over: { iat?: number; htu?: string; jti?: string; nonce?: string } = {},
  ) =>
    new SignJWT({
      htm: method,
      htu: over.htu ?? `${baseUrl}${path}`,
      iat: over.iat ?? Math.floor(Date.now() / 1000),
      jti: over.jti ?? randomUUID(),
      ...(over.nonce === undefined ? {} : { nonce: over.nonce }),
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
      .sign(privateKey);
  return {
    jwk,
    proof,
    /** Headers with a fresh proof for the request, its iat from the product's clock. */
    headers: async (method: string, path: string, now: Date) => ({
      dpop: await proof(method, path, { iat: Math.floor(now.getTime() / 1000) }),
    }),
    /** The QR text: the credential (base64url COSE) with this device's signature over it and `at`. */
    code: async (credential: string, at: Date) => {
      const bytes = fromBase64url(credential);
      const t = Math.floor(at.getTime() / 1000);
      const signature = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        privateKey as CryptoKey,
        toBuffer(deviceSigningInput(bytes, t)),
      );
      return encodeCode(bytes, t, new Uint8Array(signature));
    },
  };
}

export type TestDevice = Awaited<ReturnType<typeof newDevice>>;
