import { TOKEN_PARAM } from '../../shared/ipc/harness-protocol';

const STORAGE_KEY = 'jiaodui.harnessToken';

/// The parts of `window` the token reader touches, so tests can pass plain objects.
export interface TokenEnvironment {
  location: { href: string };
  history: { state: unknown; replaceState(state: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/// Reads the harness token from `?token=` and removes it from the visible URL.
///
/// The token is kept in sessionStorage so a reload of the same tab (whose URL no longer has it) still works;
/// other query parameters such as `lang` stay. Returns null when there is no token anywhere.
export function takeHarnessToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    env.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.sessionStorage.getItem(STORAGE_KEY);
}
