import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from './base45';

describe('base45 (RFC 9285)', () => {
  it("the RFC's examples", () => {
    const enc = (s: string) => base45Encode(new TextEncoder().encode(s));
    expect(enc('AB')).toBe('BB8');
    expect(enc('Hello!!')).toBe('%69 VD92EX0');
    expect(enc('base-45')).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0') ?? undefined)).toBe('ietf!');
  });

  it('decode(encode(bytes)) is the bytes, and the text uses only the QR alphanumeric characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base45Encode(bytes);
        expect(text).toMatch(/^[0-9A-Z $%*+\-./:]*$/);
        expect(base45Decode(text)).toEqual(bytes);
      }),
    );
  });

  it('invalid text is rejected, never guessed: a wrong length, a foreign character, a value past 65535', () => {
    for (const bad of ['A', 'ABCD', 'abc', 'GGW', '::', 'ÆØÅ']) expect(base45Decode(bad)).toBeNull();
  });
});
