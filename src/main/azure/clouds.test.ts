import { describe, expect, it } from 'vitest';
import { resolveCloud } from './clouds';

describe('resolveCloud', () => {
  it('knows the sovereign clouds', () => {
    expect(resolveCloud('AzureChinaCloud')).toEqual({ name: 'AzureChinaCloud', authorityHost: 'https://login.chinacloudapi.cn', armEndpoint: 'https://management.chinacloudapi.cn', scope: 'https://management.chinacloudapi.cn/.default' });
    expect(resolveCloud('AzureUSGovernment').scope).toBe('https://management.usgovcloudapi.net/.default');
  });

  it('takes a custom https endpoint and refuses http or garbage', () => {
    expect(resolveCloud('Custom', 'https://127.0.0.1:8443/').armEndpoint).toBe('https://127.0.0.1:8443');
    expect(resolveCloud('AzureCloud', 'https://arm.example/').scope).toBe('https://arm.example/.default');
    expect(() => resolveCloud('Custom', 'http://127.0.0.1:1')).toThrow(/https/);
    expect(() => resolveCloud('Custom', 'not a url')).toThrow(/not a URL/);
    expect(() => resolveCloud('Custom')).toThrow(/--arm-endpoint/);
  });
});
