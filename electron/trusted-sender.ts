/// Decides whether an IPC message comes from our own packaged page.
///
/// Trusted means: a `file:` URL whose path is exactly the path of the renderer's index.html. Query and hash are
/// ignored (the renderer may add `?lang=` or `#page`); everything else — another file, a web origin, a path that
/// merely starts with ours, an unparsable URL — is refused. Written as a pure function so the test can check the
/// direction of the answer (GitHub Desktop once shipped this check backwards).
export function isTrustedSender(url: string | null | undefined, expectedUrl: string): boolean {
  if (!url) return false;
  const actual = parseUrl(url);
  const expected = parseUrl(expectedUrl);
  if (!actual || !expected) return false;
  if (actual.protocol !== 'file:' || expected.protocol !== 'file:') return false;
  if (actual.host !== expected.host) return false;
  if (actual.username !== '' || actual.password !== '') return false;
  return decodeURIComponent(actual.pathname) === decodeURIComponent(expected.pathname);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
