import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fqdnPatternError, matchFqdn, matchNetworkRuleFqdn, normalizeFqdn, representativeName } from './fqdnMatch';

describe('matchFqdn (firewall semantics §2.5, AF3 wildcard table)', () => {
  it('exact names match only themselves, ignoring case and a trailing dot', () => {
    expect(matchFqdn('www.contoso.com', 'www.contoso.com')).toBe(true);
    expect(matchFqdn('www.contoso.com', 'WWW.Contoso.COM.')).toBe(true);
    expect(matchFqdn('www.contoso.com', 'contoso.com')).toBe(false);
    expect(matchFqdn('www.contoso.com', 'a.www.contoso.com')).toBe(false);
  });

  it('*.x covers one or several labels left of x but not the apex (FW-05)', () => {
    expect(matchFqdn('*.blob.core.windows.net', 'x.blob.core.windows.net')).toBe(true);
    expect(matchFqdn('*.blob.core.windows.net', 'a.b.blob.core.windows.net')).toBe(true);
    expect(matchFqdn('*.blob.core.windows.net', 'blob.core.windows.net')).toBe(false);
    expect(matchFqdn('*.blob.core.windows.net', 'xblob.core.windows.net')).toBe(false);
    expect(matchFqdn('*.contoso.com', 'sub1.any.contoso.com')).toBe(true);
  });

  it('*x without a dot also covers the apex and look-alikes', () => {
    expect(matchFqdn('*contoso.com', 'contoso.com')).toBe(true);
    expect(matchFqdn('*contoso.com', 'example.anycontoso.com')).toBe(true);
    expect(matchFqdn('*contoso.com', 'th3re4lcontoso.com')).toBe(true);
    expect(matchFqdn('*contoso.com', 'contoso.org')).toBe(false);
  });

  it('* alone matches any name', () => {
    expect(matchFqdn('*', 'mcr.microsoft.com')).toBe(true);
  });

  it('rejects wildcards anywhere but the left end', () => {
    expect(fqdnPatternError('www.contoso.*')).toMatch(/left end/);
    expect(fqdnPatternError('*.contoso.*')).toMatch(/left end/);
    expect(fqdnPatternError('*.contoso.com')).toBeUndefined();
    expect(matchFqdn('www.contoso.*', 'www.contoso.com')).toBe(false);
    expect(matchFqdn('*.contoso.*', 'a.contoso.com')).toBe(false);
  });

  it('property: a *.suffix pattern matches exactly the names with a non-empty prefix before .suffix', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 0, maxLength: 3 }), (suffix, prefix) => {
      const s = suffix.join('.');
      const name = [...prefix, s].join('.');
      expect(matchFqdn(`*.${s}`, name)).toBe(prefix.length > 0);
    }));
  });
});

describe('matchNetworkRuleFqdn (§2.4 rule 1)', () => {
  it('matches by equality only; wildcard entries never match', () => {
    expect(matchNetworkRuleFqdn('westeurope.tundra.azureml.ms', 'WestEurope.tundra.azureml.ms.')).toBe(true);
    expect(matchNetworkRuleFqdn('*.tundra.westeurope.api.azureml.ms', 'a.tundra.westeurope.api.azureml.ms')).toBe(false);
    expect(matchNetworkRuleFqdn('ntp.ubuntu.com', 'pool.ntp.ubuntu.com')).toBe(false);
  });
});

describe('representativeName / normalizeFqdn', () => {
  it('turns a requirement pattern into a concrete host', () => {
    expect(representativeName('*.instances.azureml.ms')).toBe('x.instances.azureml.ms');
    expect(representativeName('mcr.microsoft.com')).toBe('mcr.microsoft.com');
    expect(normalizeFqdn(' Login.MicrosoftOnline.com. ')).toBe('login.microsoftonline.com');
  });
});
