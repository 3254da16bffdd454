import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSnapshotFile } from '../../src/shared/ingest';
import { newProject, serializeProject, type Project } from '../../src/shared/project/projectFile';
import { runExportArm } from '../../src/main/cli/commands/exportArm';
import { runDiagram } from '../../src/main/cli/commands/diagram';
import { UserError } from '../../src/main/cli/exitCodes';
import { templateToArmResources } from '../../src/shared/export/templateToArmResources';
import type { ArmTemplate } from '../../src/shared/export/armTemplate';

const sample = toSnapshotFile(JSON.parse(await readFile('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
const SUB = '11111111-1111-1111-1111-111111111111';
const nsgCluster = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-cluster`;
const vaultZone = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`;
const vnetCompute = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-compute-northeurope`;

async function projectFile(p: Project): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'vnetlens-cli-'));
  const path = join(dir, 'p.vnetlens.json');
  await writeFile(path, serializeProject(p));
  return { dir, path };
}

async function userError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

const project: Project = {
  ...newProject(sample),
  edits: [
    { kind: 'dnsZone.link', zoneId: vaultZone, vnetId: vnetCompute },
    { kind: 'nsgRule.reprioritize', nsgId: nsgCluster, ruleName: 'Deny-Internet-Out', priority: 4001 },
    { kind: 'compute.setPublicIp', computeId: '/nope', enabled: true },
  ],
  cursor: 2,
};

describe('vnetlens export-arm', () => {
  it('writes the template (and Bicep) of the edits in force, ignoring undone ones', async () => {
    const { dir, path } = await projectFile(project);
    const out = join(dir, 'out', 'template.json');
    expect(await runExportArm(path, { out, bicep: join(dir, 'out', 'main.bicep') })).toBe(0);
    const template = JSON.parse(await readFile(out, 'utf8')) as ArmTemplate;
    const names = templateToArmResources(template, { subscriptionId: SUB, resourceGroup: 'rg-network' }).map((r) => r.id.split('/').slice(-3).join('/'));
    expect(names).toEqual(['privatelink.vaultcore.azure.net/virtualNetworkLinks/vnet-compute-northeurope-link', 'nsg-cluster/securityRules/Deny-Internet-Out']);
    expect(await readdir(join(dir, 'out'))).toEqual(['main.bicep', 'template.json']);
    expect(await readFile(join(dir, 'out', 'main.bicep'), 'utf8')).toContain("'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01'");
  });

  it('exit 2 naming the file for a missing, damaged or newer project, and for an edit that no longer applies', async () => {
    const missing = await userError(runExportArm('/nonexistent/x.vnetlens.json', {}));
    expect(missing.exitCode).toBe(2);
    expect(missing.message).toBe('/nonexistent/x.vnetlens.json: no such file');
    const { dir } = await projectFile(project);
    const damaged = join(dir, 'damaged.vnetlens.json');
    await writeFile(damaged, '{"format":"vnetlens-project"');
    expect((await userError(runExportArm(damaged, {}))).message).toMatch(/damaged\.vnetlens\.json: not valid JSON/);
    const newer = join(dir, 'newer.vnetlens.json');
    await writeFile(newer, JSON.stringify({ ...project, schemaVersion: 3 }));
    expect((await userError(runDiagram(newer, { format: 'svg' }))).message).toMatch(/made by a newer VNetLens \(schemaVersion 3\); this build reads 1/);
    const { path } = await projectFile({ ...project, cursor: 3 });
    const bad = await userError(runExportArm(path, {}));
    expect(bad.message).toMatch(/edit 3 \(compute.setPublicIp\) cannot be applied: computeId: Compute \/nope is not in the snapshot/);
  });
});

describe('vnetlens diagram', () => {
  it('writes SVG and draw.io of the edited estate; saved positions win', async () => {
    const { dir, path } = await projectFile({ ...project, view: { collapsed: [], positions: { [vnetCompute.toUpperCase()]: { x: 777, y: 55 } } } });
    await runDiagram(path, { format: 'svg', out: join(dir, 'd.svg') });
    await runDiagram(path, { format: 'drawio', out: join(dir, 'd.drawio') });
    const svg = await readFile(join(dir, 'd.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<rect x="777" y="55"');
    const drawio = await readFile(join(dir, 'd.drawio'), 'utf8');
    expect(drawio).toMatch(/<mxGraphModel /);
    expect(drawio).toContain('value="vnet-compute-northeurope');
  });

  it('draws the flow overlay under the project\'s assumptions (an appliance assumed to allow all turns its unknown flows decided)', async () => {
    const nvaText = (await readFile('samples/sample-estate.json', 'utf8')).replace('"nextHopIpAddress": "10.0.1.4"', '"nextHopIpAddress": "10.0.1.10"');
    const nva = toSnapshotFile(JSON.parse(nvaText), { fileName: 'nva.json' });
    const unknownEdges = async (p: Project) => {
      const { dir, path } = await projectFile(p);
      await runDiagram(path, { format: 'svg', out: join(dir, 'd.svg') });
      return (await readFile(join(dir, 'd.svg'), 'utf8')).split('<g class="edge unknown">').length - 1;
    };
    const without = await unknownEdges(newProject(nva));
    const assumed = await unknownEdges({ ...newProject(nva), assumptions: { allowAllAppliances: '10.0.1.10' } });
    expect(without).toBeGreaterThan(assumed);
    const { path } = await projectFile({ ...newProject(nva), assumptions: { allowAllAppliances: '10.0.1.10', noSuchAssumption: 'x' } });
    expect((await userError(runDiagram(path, { format: 'svg' }))).message).toMatch(/assumptions: Unknown assumption "noSuchAssumption"/);
  });
});
