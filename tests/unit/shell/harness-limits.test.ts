import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS, bodyLimitOf, estimateArgsBytes } from '../../../electron/request-limits';
import { ok } from '../../../shared/result';
import { rawRequest, readResponse, startTestHarness, type RawResponse, type TestHarness } from './harness-test-helpers';

// Small limits so real HTTP requests can cross them quickly: page.open stands in for a large-body channel.
const LIMITS = { defaultBodyBytes: 4096, channelBodyBytes: { 'page.open': 600_000 }, dialogBodyBytes: 1024, inFlightBudgetBytes: 1_000_000 };

let harness: TestHarness;
beforeEach(async () => {
  harness = await startTestHarness(LIMITS);
});
afterEach(async () => {
  await harness.close();
});

// A POST whose body the test writes itself; `response` settles when the server answers (even mid-body).
function openPost(channel: string, headers: Record<string, string>) {
  const port = harness.server.port;
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { Host: `127.0.0.1:${port}`, 'X-Jiaodui-Token': harness.server.token, 'Content-Type': 'application/json', ...headers },
  });
  const response = new Promise<RawResponse>((resolve, reject) => {
    request.on('response', (r) => readResponse(r).then(resolve, reject));
    // Writes after the server closed the connection may fail; only a failure before any answer counts.
    request.on('error', reject);
  });
  // A request the test destroys on purpose rejects; a test that awaits `response` still sees that.
  response.catch(() => {});
  return { request, response };
}

const post = (channel: string, body: string, contentType = 'application/json') =>
  rawRequest(harness.server.port, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { 'X-Jiaodui-Token': harness.server.token, 'Content-Type': contentType },
    body,
  });

describe('harness request bodies: limits per channel', () => {
  it('answers 413 from the Content-Length alone, before the body is sent', async () => {
    const { request, response } = openPost('app.getState', { 'Content-Length': String(50_000_000) });
    // Only the headers and a few bytes go out; the rest of the 50 MB never does.
    request.write('[');
    const answer = await response;
    request.destroy();
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'too-large', messageId: 'request.tooLarge', message: expect.stringContaining('4096 bytes') as string, values: { reason: 'body-too-large', limit: 4096 } },
    });
  });

  it('aborts a chunked body with 413 as soon as it passes the limit', async () => {
    const { request, response } = openPost('page.open', { 'Transfer-Encoding': 'chunked' });
    let sent = 0;
    let answered = false;
    void response.then(() => (answered = true), () => (answered = true));
    const chunk = `"${'x'.repeat(16_382)}",`;
    while (!answered && sent < 5_000_000) {
      if (!request.write(chunk)) await new Promise((resolve) => request.once('drain', resolve));
      sent += chunk.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const answer = await response;
    request.destroy();
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'too-large', values: { limit: 600_000 } } });
    // The client stopped well before 5 MB because the answer came as soon as the limit was passed.
    expect(sent).toBeLessThan(5_000_000);
  });

  it('still answers bodies within the limit, and the large-body channel takes more than the default', async () => {
    const big = JSON.stringify(['𠮷'.repeat(100_000)]);
    expect(Buffer.byteLength(big)).toBeGreaterThan(LIMITS.defaultBodyBytes);
    const bigOk = await post('page.open', big);
    expect(bigOk.status).toBe(200);
    const tooBigForDefault = await post('app.getState', big);
    expect(tooBigForDefault.status).toBe(413);
  });

  it('refuses other content types with 415 and malformed JSON with 400, both coded', async () => {
    const text = await post('page.open', '["a.txt"]', 'text/plain');
    expect(text.status).toBe(415);
    expect(JSON.parse(text.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument', values: { reason: 'content-type' } } });
    const latin = await post('page.open', '["a.txt"]', 'application/json; charset=latin1');
    expect(latin.status).toBe(415);
    const malformed = await post('page.open', '["a.txt"');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument', values: { reason: 'malformed-json' } } });
  });
});

describe('harness request bodies: one budget for all bodies in flight', () => {
  it('refuses with 503 busy a body that does not fit beside those being read, and frees the budget after', async () => {
    const body = JSON.stringify(['x'.repeat(599_000)]);
    const length = String(Buffer.byteLength(body));
    const first = openPost('page.open', { 'Content-Length': length });
    first.request.write(body.slice(0, 1000));
    // Give the server time to reserve the first body's bytes.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = openPost('page.open', { 'Content-Length': length });
    second.request.write(body.slice(0, 1000));
    const refused = await second.response;
    second.request.destroy();
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'busy', values: { reason: 'budget-exhausted', budget: 1_000_000 } } });

    first.request.end(body.slice(1000));
    expect((await first.response).status).toBe(200);
    const third = await post('page.open', body);
    expect(third.status).toBe(200);
  });

  it('keeps the bytes of a body reserved until its request is answered (its parsed value lives that long)', async () => {
    await harness.close();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = 0;
    harness = await startTestHarness(LIMITS, async () => {
      started++;
      await gate;
      return ok(null);
    });
    const body = JSON.stringify(['x'.repeat(599_000)]);
    const first = openPost('page.open', { 'Content-Length': String(body.length) });
    first.request.end(body);
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The first body is read and parsed; its handler is still running.
    expect((await post('page.open', body)).status).toBe(503);
    open();
    expect((await first.response).status).toBe(200);
    expect((await post('page.open', body)).status).toBe(200);
  });

  it('counts chunked bodies against the budget as their bytes arrive', async () => {
    const held = openPost('page.open', { 'Content-Length': '590000' });
    held.request.write('[');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { request, response } = openPost('page.open', { 'Transfer-Encoding': 'chunked' });
    let answered = false;
    void response.then(() => (answered = true), () => (answered = true));
    for (let i = 0; i < 100 && !answered; i++) {
      request.write(`"${'y'.repeat(9_998)}",`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const answer = await response;
    request.destroy();
    held.request.destroy();
    expect(answer.status).toBe(503);
  });

  it('concurrent large bodies beyond the budget: some are refused, none is buffered past it, all answered', async () => {
    const body = JSON.stringify(['z'.repeat(590_000)]);
    const answers = await Promise.all(Array.from({ length: 4 }, () => post('page.open', body)));
    const statuses = answers.map((a) => a.status).sort();
    // Whatever the interleaving, every request is answered with success or a coded refusal.
    for (const status of statuses) expect([200, 503]).toContain(status);
    expect(statuses).toContain(200);
  });
});

describe('request limits', () => {
  it('gives page.save a large limit and ordinary channels a small one', () => {
    expect(bodyLimitOf('page.save')).toBe(256 * 1024 * 1024);
    expect(bodyLimitOf('page.open')).toBe(REQUEST_LIMITS.defaultBodyBytes);
    expect(bodyLimitOf('constructor')).toBe(REQUEST_LIMITS.defaultBodyBytes);
  });

  it('estimates argument sizes from string lengths and stops walking past the limit', () => {
    expect(estimateArgsBytes(['a.txt'], 1000)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(['a.txt'])));
    const cjk = ['𠮷'.repeat(1000)];
    expect(estimateArgsBytes(cjk, 1e9)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(cjk)));
    expect(estimateArgsBytes([{ text: 'x'.repeat(10_000) }], 5000)).toBe(Infinity);
  });
});
