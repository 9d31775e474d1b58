import type { IncomingMessage } from 'node:http';
import type { Result } from '../../shared/result';
import { failWith } from '../../shared/errors/fail-with';
import type { RequestLimits } from '../request-limits';

/// A request body read and parsed, or the HTTP status and coded error to answer instead.
///
/// A body read successfully keeps its bytes reserved in the budget until `release` is called (when the request has
/// been answered): its parsed value lives that long, and it is what filled memory when large saves came at once.
export type BodyOutcome = { ok: true; value: unknown; release(): void } | { ok: false; status: number; result: Result<never>; abort: boolean };

/// Reads JSON request bodies within a per-request limit and a byte budget shared by all requests in flight.
export interface BodyReader {
  /// Reads the body of `request` as JSON, refusing it when it is not JSON, larger than `limit` bytes, or does not
  /// fit in the budget. `abort` in a refusal means the body was not read to its end: answer, then close.
  readJson(request: IncomingMessage, limit: number): Promise<BodyOutcome>;
  /// Bytes reserved by bodies being read or handled now.
  inFlight(): number;
}

/// Creates the body reader of one server (its budget is `limits.inFlightBudgetBytes`).
///
/// A declared Content-Length is checked against the limit and reserved from the budget before any byte is read;
/// a body without one (chunked) reserves its bytes as they arrive. Either way reading stops at the first byte past
/// the limit (413 'too-large') or the budget (503 'busy'). The bytes are released when the body is refused, or by
/// `release` once the request it carried has been answered. Content types other than application/json are refused with 415 and malformed JSON with 400, both coded
/// 'invalid-argument' with values saying which.
export function createBodyReader(limits: Pick<RequestLimits, 'inFlightBudgetBytes'>): BodyReader {
  let inFlight = 0;

  const tooLarge = (limit: number, abort: boolean): BodyOutcome => ({
    ok: false,
    status: 413,
    result: failWith('request.tooLarge', { reason: 'body-too-large', limit }),
    abort,
  });
  const busy = (abort: boolean): BodyOutcome => ({
    ok: false,
    status: 503,
    result: failWith('request.busy', { reason: 'budget-exhausted', budget: limits.inFlightBudgetBytes }),
    abort,
  });

  async function readJson(request: IncomingMessage, limit: number): Promise<BodyOutcome> {
    if (!isJsonContentType(request.headers['content-type'])) {
      return { ok: false, status: 415, result: failWith('request.notJson', { reason: 'content-type' }), abort: true };
    }
    const declared = declaredLength(request.headers['content-length']);
    if (declared === 'invalid') return { ok: false, status: 400, result: failWith('request.badLength', { reason: 'content-length' }), abort: true };
    if (declared !== null && declared > limit) return tooLarge(limit, true);
    let reserved = 0;
    const reserve = (bytes: number) => {
      if (inFlight + bytes > limits.inFlightBudgetBytes) return false;
      inFlight += bytes;
      reserved += bytes;
      return true;
    };
    if (declared !== null && !reserve(declared)) return busy(true);
    const free = () => {
      inFlight -= reserved;
      reserved = 0;
    };
    const body = await collect(request, (size, chunk) => {
      if (size > limit) return tooLarge(limit, true);
      // With a declared length the bytes are reserved already (Node ends a body at its declared length).
      if (declared === null && !reserve(chunk)) return busy(true);
      return null;
    });
    if (!Buffer.isBuffer(body)) {
      free();
      return body;
    }
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      free();
      return { ok: false, status: 400, result: failWith('request.malformedJson', { reason: 'malformed-json' }), abort: false };
    }
    return { ok: true, value, release: free };
  }

  return { readJson, inFlight: () => inFlight };
}

// Collects a body chunk by chunk; `check` may refuse it after any chunk. A refused body is left unread and paused
// (not destroyed: destroying an unfinished request destroys its socket before the refusal can be answered).
function collect(request: IncomingMessage, check: (size: number, chunk: number) => BodyOutcome | null): Promise<Buffer | BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (outcome: Buffer | BodyOutcome) => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onAborted);
      if (!Buffer.isBuffer(outcome)) request.pause();
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      const refusal = check(size, chunk.length);
      if (refusal) return stop(refusal);
      chunks.push(chunk);
    };
    const onEnd = () => stop(Buffer.concat(chunks, size));
    const gone = (): BodyOutcome => ({ ok: false, status: 400, result: failWith('request.cutOff', { reason: 'aborted' }), abort: true });
    const onError = () => stop(gone());
    const onAborted = () => stop(gone());
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onAborted);
  });
}

function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.toLowerCase().split(';').map((part) => part.trim());
  if (type !== 'application/json') return false;
  // JSON is UTF-8; a request that says otherwise is refused rather than misread.
  const charset = params.find((p) => p.startsWith('charset='));
  return charset === undefined || charset === 'charset=utf-8';
}

function declaredLength(header: string | undefined): number | null | 'invalid' {
  if (header === undefined) return null;
  return /^\d{1,15}$/.test(header) ? Number(header) : 'invalid';
}
