import { describe, expect, it } from 'vitest';
import type { EstateVerdict } from '../engine/verdict';
import { formatTable } from './formatTable';
import { FIXTURE_VERDICT } from './verdictFixture';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const lines = (s: string) => s.split('\n');

describe('formatTable', () => {
  const plain = formatTable(FIXTURE_VERDICT, { color: false });

  it('writes no escape codes unless asked, and colours the lights when asked', () => {
    expect(plain).not.toMatch(ANSI);
    const coloured = formatTable(FIXTURE_VERDICT, { color: true });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured).toContain('\u001b[33m');
    expect(coloured).toContain('\u001b[32m');
    // Same text once the colours are stripped.
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it.each([100, 80, 60])('fits every line in %i columns', (width) => {
    for (const line of lines(formatTable(FIXTURE_VERDICT, { color: false, width }))) {
      expect([...line].length, line).toBeLessThanOrEqual(width);
    }
  });

  it('groups a compute\'s flows red, then amber, then green, each with its deciding rule', () => {
    const red = plain.indexOf('RED · required flows blocked (2)');
    const amber = plain.indexOf('AMBER · unknown, or blocked but situational (2)');
    const green = plain.indexOf('GREEN · allowed (1)');
    expect(red).toBeGreaterThan(-1);
    expect(amber).toBeGreaterThan(red);
    expect(green).toBeGreaterThan(amber);
    const udp = lines(plain).find((l) => l.includes('5831'));
    expect(udp).toMatch(/✗ O1 +Out Udp 5831 +AzureMachineLearning +nsg nsg-cluster › Deny-Internet-Out @4000/);
    // The situational blocked flow is amber, not red.
    const o10 = plain.indexOf('O10');
    expect(o10).toBeGreaterThan(amber);
    expect(o10).toBeLessThan(green);
  });

  it('names where a firewall policy rule sits and shows resource peers by name', () => {
    expect(plain).toContain('firewall afwp-hub › rcg-aml@300 › app-aml-fqdns@200 › DefaultDeny');
    expect(plain).toMatch(/\? O12 +Out Tcp 443 +kv-contoso-ml +dns/);
  });

  it('explains red and amber flows, not green ones', () => {
    expect(plain).toContain('compute instance create/update/delete fails');
    expect(plain).not.toContain('Allowed by nsg-cluster rule Allow-AzureMachineLearning-Out');
  });

  it('lists failed and warning checks with their message, and counts the passed ones', () => {
    expect(plain).toContain('CHECKS · failed or warning (2)');
    expect(plain).toContain('✗ FAIL dns-zone-linked:privatelink.vaultcore.azure.net');
    expect(plain).toContain('privatelink.vaultcore.azure.net is not linked to vnet-compute-northeurope.');
    expect(plain).toContain('? WARN subnet-capacity');
    expect(plain).toContain('1 check passed');
    expect(plain).not.toContain('same-subscription');
  });

  it('ends with the summary line and the assumptions in force', () => {
    expect(plain).toContain('Summary: 2 allowed · 3 blocked · 1 unknown · 1 failed check');
    const tail = plain.slice(plain.indexOf('Assumptions in force:'));
    for (const a of FIXTURE_VERDICT.assumptions) expect(tail).toContain(`${a.id} = ${a.value}`);
  });

  it('gives each compute a header with kind, IP mode, region, subnet and workspace', () => {
    expect(plain).toContain('cpu-cluster · ComputeCluster · no public IP · northeurope');
    expect(plain).toContain('subnet vnet-compute-northeurope/snet-cluster · workspace mlw-contoso');
    expect(plain).toContain('ci-alice · ComputeInstance · public IP · westeurope');
  });

  it('says so when there is no compute', () => {
    const empty: EstateVerdict = { schemaVersion: 1, computes: [], assumptions: [], summary: { allowed: 0, blocked: 0, unknown: 0, failedChecks: 0 } };
    expect(formatTable(empty, { color: false })).toContain('No Azure ML computes found in the input.');
  });
});
