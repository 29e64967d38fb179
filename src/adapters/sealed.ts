import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets kept at rest (AES-256-GCM, RFC 5116), so a copy of
 * the database alone reveals none of them. The key is derived from the server secret with HKDF
 * (RFC 5869) and a purpose label: each purpose has its own key. Sealed text is
 * `v1.<iv>.<ciphertext>.<tag>` in base64url.
 */
export interface Sealer {
  seal(plaintext: string): string;
  /** The plaintext, or null when the text was sealed with another key or was altered. */
  open(sealed: string): string | null;
}

const keys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: string): Buffer {
  const id = `${purpose}\n${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'bedriftsbillett', `sealed:${purpose}`, 32));
    keys.set(id, key);
  }
  return key;
}

export function sealer(secret: string, purpose: string): Sealer {
  const key = keyFor(secret, purpose);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, data, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return `v1.${parts.join('.')}`;
    },
    open(sealed) {
      const [version, iv, data, tag] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || data === undefined || tag === undefined) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        return null;
      }
    },
  };
}
