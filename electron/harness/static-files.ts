import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/// The Content-Type for a file name, by extension; unknown types are served as opaque bytes.
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/// Maps a URL path to a file inside the static root, or null when it would leave the root.
///
/// Decodes percent-escapes first (so `%2e%2e` counts as `..`), refuses NUL bytes, backslashes and any `..`
/// segment, and maps `/` to index.html. Symbolic links are checked later by `readStaticFileSync`.
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const full = path.resolve(resolvedRoot, relative);
  return full.startsWith(resolvedRoot + path.sep) ? full : null;
}

/// Reads a static file when it is a regular file whose real path is still inside the root; otherwise null.
export function readStaticFileSync(root: string, file: string): Buffer | null {
  try {
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(file);
    if (!real.startsWith(realRoot + path.sep)) return null;
    if (!fs.statSync(real).isFile()) return null;
    return fs.readFileSync(real);
  } catch {
    return null;
  }
}

/// The strict policy used when the built index.html carries no CSP meta tag.
export const DEFAULT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob: jiaodui-scan:; font-src 'self' data:; connect-src 'self' jiaodui-scan:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The policy the harness sends as a header: the page's own policy plus `frame-ancestors 'none'`.
///
/// Browsers ignore frame-ancestors in a meta tag (and log a warning for it), so the page cannot carry it itself.
export function headerCsp(pagePolicy: string): string {
  if (/(^|;)\s*frame-ancestors\b/i.test(pagePolicy)) return pagePolicy;
  return `${pagePolicy.replace(/[\s;]+$/, '')}; frame-ancestors 'none'`;
}

/// Extracts the Content-Security-Policy of a page's `<meta http-equiv>` tag, so the header matches it exactly.
///
/// Returns null when the page has none.
export function readMetaCsp(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"/i.exec(tag) ?? /content\s*=\s*'([^']*)'/i.exec(tag);
    if (content?.[1] !== undefined) return content[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
  }
  return null;
}
