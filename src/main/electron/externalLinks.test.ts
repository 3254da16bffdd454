import { describe, expect, it } from 'vitest';
import { externalWindowOpenHandler, isAllowedExternalUrl } from './externalLinks';

describe('external links', () => {
  it('allows the Microsoft sign-in pages over https only', () => {
    for (const ok of ['https://microsoft.com/devicelogin', 'https://microsoft.com/deviceloginus', 'https://login.microsoft.com/device', 'https://login.microsoftonline.com/common/oauth2/deviceauth', 'https://login.chinacloudapi.cn/common/oauth2/deviceauth', 'https://aka.ms/devicelogin']) {
      expect(isAllowedExternalUrl(ok), ok).toBe(true);
    }
    for (const bad of ['http://microsoft.com/devicelogin', 'https://microsoft.com.evil.example/devicelogin', 'https://evil.example/?https://microsoft.com', 'https://user:pw@microsoft.com/', 'https://microsoft.com:8443/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://vnetlens/index.html', 'not a url']) {
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
    }
  });

  it('opens allowed links in the system browser and never a new window', () => {
    const opened: string[] = [];
    const handler = externalWindowOpenHandler((u) => opened.push(u));
    expect(handler({ url: 'https://microsoft.com/devicelogin' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://microsoft.com/devicelogin']);
  });
});
