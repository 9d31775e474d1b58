import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/trusted-sender';

const indexUrl = pathToFileURL(path.resolve('/opt/Jiaodui/resources/app.asar/dist/renderer/index.html')).href;

describe('isTrustedSender', () => {
  it('trusts our packaged index.html', () => {
    expect(isTrustedSender(indexUrl, indexUrl)).toBe(true);
  });

  it('trusts our page with a query string or hash added by the renderer', () => {
    expect(isTrustedSender(`${indexUrl}?lang=zh-CN`, indexUrl)).toBe(true);
    expect(isTrustedSender(`${indexUrl}#page-3`, indexUrl)).toBe(true);
  });

  it('refuses a web page even when its path ends like ours (the backwards case)', () => {
    expect(isTrustedSender('https://evil.example/opt/Jiaodui/resources/app.asar/dist/renderer/index.html', indexUrl)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/index.html', indexUrl)).toBe(false);
  });

  it('refuses another local file, including one whose path merely starts with ours', () => {
    expect(isTrustedSender(pathToFileURL('/tmp/index.html').href, indexUrl)).toBe(false);
    expect(isTrustedSender(`${indexUrl}.evil.html`, indexUrl)).toBe(false);
    expect(isTrustedSender(indexUrl.replace('index.html', 'other.html'), indexUrl)).toBe(false);
  });

  it('refuses a file URL on another host', () => {
    expect(isTrustedSender(indexUrl.replace('file:///', 'file://attacker/'), indexUrl)).toBe(false);
  });

  it('refuses empty, missing and unparsable URLs', () => {
    expect(isTrustedSender('', indexUrl)).toBe(false);
    expect(isTrustedSender(null, indexUrl)).toBe(false);
    expect(isTrustedSender(undefined, indexUrl)).toBe(false);
    expect(isTrustedSender('not a url', indexUrl)).toBe(false);
    expect(isTrustedSender('about:blank', indexUrl)).toBe(false);
  });

  it('matches a percent-encoded path (folders with spaces or Chinese names) against itself', () => {
    const expected = pathToFileURL('/Users/编辑 A/Jiaodui/dist/renderer/index.html').href;
    expect(isTrustedSender(expected, expected)).toBe(true);
    expect(isTrustedSender(pathToFileURL('/Users/编辑 B/Jiaodui/dist/renderer/index.html').href, expected)).toBe(false);
  });

  it('trusts exactly app://jiaodui/index.html when the page is served from the app scheme', () => {
    const appIndex = 'app://jiaodui/index.html';
    expect(isTrustedSender(appIndex, appIndex)).toBe(true);
    expect(isTrustedSender(`${appIndex}?lang=en#p`, appIndex)).toBe(true);
    expect(isTrustedSender('app://jiaodui/other.html', appIndex)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', appIndex)).toBe(false);
    expect(isTrustedSender('app://user@jiaodui/index.html', appIndex)).toBe(false);
    expect(isTrustedSender('https://jiaodui/index.html', appIndex)).toBe(false);
    expect(isTrustedSender(indexUrl, appIndex)).toBe(false);
    expect(isTrustedSender(appIndex, 'https://jiaodui/index.html')).toBe(false);
  });
});
