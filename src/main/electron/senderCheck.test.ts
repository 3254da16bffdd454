import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAllowedNavigation, isTrustedSender } from './senderCheck';

const ok = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, webContentsId: 3, ourWebContentsId: 3 };

describe('isTrustedSender', () => {
  it('trusts our window main frame on our origin', () => {
    expect(isTrustedSender(ok)).toBe(true);
  });
  it.each([
    ['a subframe', { ...ok, isMainFrame: false }],
    ['another webContents', { ...ok, webContentsId: 4 }],
    ['no window yet', { ...ok, ourWebContentsId: undefined }],
    ['a destroyed frame', { ...ok, frameUrl: undefined }],
    ['a file:// page', { ...ok, frameUrl: 'file:///tmp/evil.html' }],
    ['a web page', { ...ok, frameUrl: 'https://evil.example/app' }],
    ['a look-alike host', { ...ok, frameUrl: 'app://vnetlens.evil/index.html' }],
    ['garbage', { ...ok, frameUrl: 'not a url' }],
  ])('refuses %s', (_name, facts) => {
    expect(isTrustedSender(facts)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only our origin', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#x`)).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
  });
});
