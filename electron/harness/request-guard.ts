import { timingSafeEqual } from 'node:crypto';

/// Tells whether a socket's remote address is the local machine.
///
/// The server listens on 127.0.0.1 only; this is the second check in case it is ever bound more widely.
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/// Tells whether a Host header names this server on the loopback interface.
///
/// Refusing other host names defeats DNS rebinding: a web page at evil.example whose name is re-pointed at
/// 127.0.0.1 still sends `Host: evil.example`.
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return allowed.includes(host.toLowerCase());
}

/// Compares a presented token with the session token in constant time.
export function tokenMatches(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
