import { sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { rememberProof } from '../../db/repositories/ticket-devices';
import { checkDpopProof, type DpopCheck } from '../../domain/dpop';
import { AppError } from '../../domain/errors';
import { dpopNonceEnd } from './dpop-nonce';

/** A request's DPoP header, the URLs it may name, and the secret the server's DPoP nonces are made with. */
export interface ProofInput {
  proof: string | undefined;
  method: string;
  urls: string[];
  nonceSecret: string;
}

/**
 * Checks a DPoP proof (RFC 9449) without I/O: signature, request, time window or our nonce. The
 * caller must still remember its jti (proofJtiHash) so it is never accepted twice.
 */
export function checkProof(input: ProofInput, now: Date): Promise<DpopCheck> {
  return checkDpopProof(input.proof, {
    method: input.method,
    urls: input.urls,
    now,
    nonceCheck: (nonce) => dpopNonceEnd(input.nonceSecret, nonce, now),
  });
}

/** The key a proof's jti is remembered by: SHA-256 (hex) of the key's thumbprint and the jti. */
export function proofJtiHash(check: { jkt: string; jti: string }): string {
  return sha256(`${check.jkt}\n${check.jti}`);
}

/**
 * Checks a DPoP proof (RFC 9449) and remembers its jti in the database, so the same proof is
 * never accepted twice by any process within its window (a replay is `replayed`). A proof whose
 * iat is outside the window, or whose nonce is not a good one of ours, is `use_dpop_nonce`.
 */
export async function checkPossession(
  tx: Tx,
  input: ProofInput,
  now: Date,
): Promise<DpopCheck | { ok: false; reason: 'replayed' }> {
  const check = await checkProof(input, now);
  if (!check.ok) return check;
  const forgetAt = new Date(check.freshUntil * 1000);
  const fresh = await rememberProof(tx, proofJtiHash(check), forgetAt, now);
  return fresh ? check : { ok: false, reason: 'replayed' };
}

/** As checkPossession, but a missing or bad proof is 401 DPOP_PROOF_INVALID (details.reason). */
export async function requirePossession(tx: Tx, input: ProofInput, now: Date) {
  const check = await checkPossession(tx, input, now);
  if (!check.ok) throw new AppError('DPOP_PROOF_INVALID', { details: { reason: check.reason } });
  return check;
}
