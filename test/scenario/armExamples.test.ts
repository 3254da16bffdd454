/**
 * `vnetlens check` as a process on estates built from Microsoft's ARM example payloads
 * (../shared/reference/arm-examples): the shapes ARM really returns, nested and flat, plain and in
 * list / Resource Graph envelopes. Skipped, saying which file is missing, without ../shared.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeWithShared } from '../support/sharedReference';
import { ensureCliBuilt, runCli, STACK_TRACE } from './cli';
import { body, EXAMPLE_FILES, IDS, SUB, wiredEstate, withNotebooksZoneAnd44224, withWorkspacePrivateEndpoint, writeTemp } from './armExamples';

interface Flow { requirement: string; direction: string; protocol: string; port: number; status: string; decidedBy: { layer: string; resourceId?: string; name?: string; priority?: number } }
interface Report { computes: { id: string; name: string; kind: string; publicIp: boolean; subnetId: string; flows: Flow[]; checks: { id: string; status: string }[] }[]; summary: { allowed: number; blocked: number; unknown: number; failedChecks: number } }

function check(estate: unknown, name: string): { status: number | null; report: Report; stderr: string } {
  const run = runCli(['check', writeTemp(name, estate), '--format', 'json']);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}
const statusOf = (r: Report, id: string) => r.computes[0]?.checks.find((k) => k.id === id)?.status;
const flow = (r: Report, requirement: string, port?: number) => r.computes[0]?.flows.find((f) => f.requirement === requirement && (port === undefined || f.port === port));

describeWithShared('vnetlens check on estates built from the ARM example payloads', Object.values(EXAMPLE_FILES), () => {
  beforeAll(() => ensureCliBuilt());

  it('VNet + NSG + NAT gateway + workspace + AmlCompute, as the examples are: the managed network forbids it', () => {
    const { status, report, stderr } = check(wiredEstate(), 'as-is.json');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(report.computes).toHaveLength(1);
    expect(report.computes[0]).toMatchObject({ id: `${IDS.workspace}/computes/compute123`, kind: 'ComputeCluster', publicIp: true, subnetId: IDS.subnet });
    // Workspace get.json has managedNetwork.isolationMode AllowOnlyApprovedOutbound (semantics §5.8, M18).
    expect(statusOf(report, 'managed-network')).toBe('fail');
    expect(statusOf(report, 'same-subscription')).toBe('pass');
  });

  it('without the managed network: inbound 44224 is denied by the NSG example\'s DenyAllInBound, the workspace is unreachable', () => {
    const { status, report } = check(wiredEstate({ isolationMode: 'Disabled' }), 'no-managed-network.json');
    expect(status).toBe(1);
    expect(statusOf(report, 'managed-network')).toBe('pass');
    // enableNodePublicIp true in AmlCompute.json → I1 applies; the NSG example only allows port 80 in.
    expect(flow(report, 'I1')).toMatchObject({ direction: 'Inbound', port: 44224, status: 'blocked', decidedBy: { layer: 'nsg', resourceId: IDS.nsg, name: 'DenyAllInBound', priority: 65500 } });
    // publicNetworkAccess Disabled and none of its private endpoints in the estate.
    expect(statusOf(report, 'workspace-reachable')).toBe('fail');
    // Outbound to service tags goes out through the default rule AllowInternetOutBound.
    expect(flow(report, 'O2')).toMatchObject({ status: 'allowed', decidedBy: { layer: 'nsg', name: 'AllowInternetOutBound' } });
  });

  it('with the workspace private endpoint and its zone (PrivateEndpointGet, SubnetGet flat, zone/link/record examples): only the notebooks zone is missing', () => {
    const { status, report, stderr } = check(withWorkspacePrivateEndpoint(wiredEstate({ isolationMode: 'Disabled' })), 'with-pe.json');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(statusOf(report, 'dns-zone-linked:privatelink.api.azureml.ms')).toBe('pass');
    // Semantics §5.5 / M14: both Azure ML zones must be linked.
    expect(statusOf(report, 'dns-zone-linked:privatelink.notebooks.azure.net')).toBe('fail');
  });

  it('fixed up (notebooks zone and record, a flat securityRules resource for 44224): exit 0, everything allowed', () => {
    const { status, report, stderr } = check(withNotebooksZoneAnd44224(withWorkspacePrivateEndpoint(wiredEstate({ isolationMode: 'Disabled' }))), 'fixed.json');
    expect(stderr).toBe('');
    const c = report.computes[0];
    expect(c?.flows.length).toBeGreaterThan(5);
    expect(c?.flows.filter((f) => f.status !== 'allowed')).toEqual([]);
    expect(c?.checks.filter((k) => k.status !== 'pass')).toEqual([]);
    expect(status).toBe(0);
    expect(flow(report, 'I1')?.status).toBe('allowed');
    expect(report.summary.blocked + report.summary.unknown + report.summary.failedChecks).toBe(0);
  });

  it('the same estate as an ARM list ({value}) and as a Resource Graph response ({data}) gives the same verdict', () => {
    const estate = withWorkspacePrivateEndpoint(wiredEstate({ isolationMode: 'Disabled' }));
    const plain = check(estate, 'plain.json');
    const list = check({ value: estate, nextLink: null }, 'list.json');
    const graph = body(EXAMPLE_FILES.resourceGraph);
    const rg = check({ ...graph, totalRecords: estate.length, count: estate.length, data: estate }, 'graph.json');
    expect(list.status).toBe(plain.status);
    expect(rg.status).toBe(plain.status);
    expect(list.report).toEqual(plain.report);
    expect(rg.report).toEqual(plain.report);
  });

  it('a compute instance from ComputeInstance.json (no enableNodePublicIp field: public IP by default) sits beside the cluster', () => {
    const estate = withNotebooksZoneAnd44224(withWorkspacePrivateEndpoint(wiredEstate({ isolationMode: 'Disabled' })));
    const ci = body(EXAMPLE_FILES.computeInstance);
    ci.id = `${IDS.workspace}/computes/ci-example`;
    ci.name = 'ci-example';
    ci.location = 'westus';
    ((ci.properties as Record<string, unknown>).properties as Record<string, unknown>).subnet = { id: IDS.subnet };
    const { report } = check([...estate, ci], 'with-ci.json');
    const instance = report.computes.find((c) => c.name === 'ci-example');
    expect(instance).toMatchObject({ kind: 'ComputeInstance', publicIp: true, subnetId: IDS.subnet });
    expect(instance?.flows.find((f) => f.requirement === 'I1')?.status).toBe('allowed');
    expect(instance?.checks.find((k) => k.id === 'compute-instance-location')?.status).toBe('pass');
    expect(report.computes.every((c) => c.id.includes(`/subscriptions/${SUB}/`))).toBe(true);
  });
});
