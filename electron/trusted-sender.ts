/// Decides whether an IPC message comes from our own packaged page.
///
/// Trusted means: a URL on the app's own scheme (`app://jiaodui/index.html`, electron/app-scheme.ts) or, for the
/// old file:// loading, a `file:` URL, whose scheme, host and path are exactly those of the renderer's index.html.
/// Query and hash are ignored (the renderer may add `?lang=` or `#page`); everything else — another file or page,
/// a web origin, a path that merely starts with ours, an unparsable URL — is refused. Written as a pure function so the test can check the
/// direction of the answer (GitHub Desktop once shipped this check backwards).
export function isTrustedSender(url: string | null | undefined, expectedUrl: string): boolean {
  if (!url) return false;
  const actual = parseUrl(url);
  const expected = parseUrl(expectedUrl);
  if (!actual || !expected) return false;
  if (!TRUSTED_PROTOCOLS.has(expected.protocol) || actual.protocol !== expected.protocol) return false;
  if (actual.host !== expected.host) return false;
  if (actual.username !== '' || actual.password !== '') return false;
  return decodeURIComponent(actual.pathname) === decodeURIComponent(expected.pathname);
}

// The app's own scheme and file:, never a web scheme (a remote page must never be trusted, whatever its path).
const TRUSTED_PROTOCOLS = new Set(['app:', 'file:']);

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
