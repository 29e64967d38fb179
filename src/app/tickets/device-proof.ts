import { sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { rememberProof } from '../../db/repositories/ticket-devices';
import {
  checkDpopProof,
  DPOP_FUTURE_SKEW_SECONDS,
  DPOP_WINDOW_SECONDS,
  type DpopCheck,
} from '../../domain/dpop';
import { AppError } from '../../domain/errors';

/** A request's DPoP header and the URLs it may name (the public URL and the one it came in on). */
export interface ProofInput {
  proof: string | undefined;
  method: string;
  urls: string[];
}

/**
 * Checks a DPoP proof (RFC 9449) and remembers its jti in the database, so the same proof is
 * never accepted twice by any process within its window (a replay is `replayed`).
 */
export async function checkPossession(
  tx: Tx,
  input: ProofInput,
  now: Date,
): Promise<DpopCheck | { ok: false; reason: 'replayed' }> {
  const check = await checkDpopProof(input.proof, { method: input.method, urls: input.urls, now });
  if (!check.ok) return check;
  const forgetAt = new Date((check.iat + DPOP_WINDOW_SECONDS + DPOP_FUTURE_SKEW_SECONDS) * 1000);
  const fresh = await rememberProof(tx, sha256(`${check.jkt}\n${check.jti}`), forgetAt, now);
  return fresh ? check : { ok: false, reason: 'replayed' };
}

/** As checkPossession, but a missing or bad proof is 401 DPOP_PROOF_INVALID (details.reason). */
export async function requirePossession(tx: Tx, input: ProofInput, now: Date) {
  const check = await checkPossession(tx, input, now);
  if (!check.ok) throw new AppError('DPOP_PROOF_INVALID', { details: { reason: check.reason } });
  return check;
}
