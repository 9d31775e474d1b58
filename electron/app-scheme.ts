import { realpath } from 'node:fs/promises';
import { openVerified, READ_FLAGS } from './services/disk/confined-open';
import { contentTypeFor, DEFAULT_CSP, headerCsp, readMetaCsp, resolveStaticPath } from './harness/static-files';

/// The app's own scheme, which serves the built renderer (instead of file://).
export const APP_SCHEME = 'app';
/// The one host the app scheme answers for.
export const APP_HOST = 'jiaodui';
/// The renderer's page on the app scheme; IPC is trusted only from this page (trusted-sender.ts).
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/// What the scheme is registered with before 'ready': a standard, secure origin that may fetch and stream, so the
/// page gets a real origin ('self' in its CSP means app://jiaodui), module scripts and workers.
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const;

/// Answers one request on the app scheme for `protocol.handle`, from the built renderer folder `root`.
///
/// Only GET and HEAD for host `jiaodui`; the path is decoded and refused when it has a `..` segment, a backslash
/// or a NUL (an encoded slash is decoded first, so `..%2F` is a `..` segment too). The file is then opened with
/// O_NOFOLLOW and what was opened is checked, through the handle, to lie inside the folder's real path at that
/// moment: a symlink leading out, or a file swapped for one between check and open, is refused (404, as a
/// missing file, so nothing outside is revealed). Every answer carries the page's CSP (from the meta tag of
/// index.html, plus frame-ancestors) and nosniff.
export async function answerAppRequest(request: { url: string; method?: string }, root: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refusal(400, 'Bad address.');
  }
  const method = (request.method ?? 'GET').toUpperCase();
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'Not found.');
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Only GET is served.');
  // The raw (still encoded) path: resolveStaticPath decodes it once itself.
  const file = resolveStaticPath(root, url.pathname);
  if (file === null) return refusal(404, 'Not found.');
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return refusal(404, 'Not found.');
  }
  let opened: Awaited<ReturnType<typeof openVerified>>;
  try {
    opened = await openVerified(realRoot, file, READ_FLAGS);
  } catch {
    // Outside the folder (ConfinementError) or missing alike: nothing about what lies outside is told.
    return refusal(404, 'Not found.');
  }
  try {
    const info = await opened.handle.stat();
    if (!info.isFile()) return refusal(404, 'Not found.');
    // The built renderer is a few megabytes of small files: read whole through the verified handle.
    const bytes = await opened.handle.readFile();
    const csp = await pageCsp(realRoot);
    const headers = { 'Content-Type': contentTypeFor(opened.realPath), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  } finally {
    await opened.handle.close();
  }
}

// The policy of the built index.html's meta tag, read once per root (the build does not change while the app runs).
const cspByRoot = new Map<string, Promise<string>>();
function pageCsp(realRoot: string): Promise<string> {
  let policy = cspByRoot.get(realRoot);
  if (!policy) {
    policy = (async () => {
      try {
        const index = resolveStaticPath(realRoot, '/index.html');
        const { handle } = await openVerified(realRoot, index ?? '', READ_FLAGS);
        try {
          return headerCsp(readMetaCsp(await handle.readFile('utf8')) ?? DEFAULT_CSP);
        } finally {
          await handle.close();
        }
      } catch {
        return DEFAULT_CSP;
      }
    })();
    cspByRoot.set(realRoot, policy);
  }
  return policy;
}

function refusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': DEFAULT_CSP, 'X-Content-Type-Options': 'nosniff' } });
}
