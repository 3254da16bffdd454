/** Every accepted input form, and every malformed one, with the error naming file and JSON path. */
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT, SNAPSHOT_SCHEMA_VERSION, idKey } from '../model';
import { IngestError, buildSnapshot, ingest, parseJsonText, toSnapshotFile } from './index';

const SUB = '/subscriptions/aaaaaaaa-0000-0000-0000-000000000001/resourceGroups/rg/providers';
const vnet = (name: string, sub = SUB) => ({
  id: `${sub}/Microsoft.Network/virtualNetworks/${name}`, name, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }] },
});

/** Runs `f` and returns the IngestError it throws. */
function ingestError(f: () => unknown): IngestError {
  try {
    f();
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('expected an IngestError');
}

describe('accepted input forms', () => {
  it('reads an array of ARM resources', () => {
    const s = ingest([vnet('v1'), vnet('v2')], { fileName: 'a.json' });
    expect(s.vnets.size).toBe(2);
    // a nested child without an id gets parent id + segment + name
    expect(s.subnets.has(idKey(`${SUB}/Microsoft.Network/virtualNetworks/v1/subnets/a`))).toBe(true);
  });

  it('reads an ARM list response { value, nextLink }', () => {
    expect(ingest({ value: [vnet('v1')] }, { fileName: 'list.json' }).vnets.size).toBe(1);
  });

  it('reads Resource Graph { data: [...] } and { data: { columns, rows } }', () => {
    expect(ingest({ totalRecords: 1, count: 1, data: [vnet('v1')] }, { fileName: 'rg.json' }).vnets.size).toBe(1);
    const v = vnet('v2');
    const table = { data: { columns: [{ name: 'id', type: 'string' }, { name: 'type', type: 'string' }, { name: 'properties', type: 'object' }], rows: [[v.id, v.type.toLowerCase(), v.properties]] } };
    const s = ingest(table, { fileName: 'rg-table.json' });
    expect([...s.vnets.values()][0]).toMatchObject({ name: 'v2', addressPrefixes: ['10.0.0.0/16'] });
  });

  it('warns when the input is one page of a paged answer', () => {
    expect(ingest({ value: [vnet('v1')], nextLink: 'https://management.azure.com/…&$skipToken=x' }, { fileName: 'p.json' }).warnings)
      .toEqual([expect.objectContaining({ code: 'incomplete-list', path: '$.nextLink' })]);
    expect(ingest({ data: [vnet('v1')], resultTruncated: 'true' }, { fileName: 'rg.json' }).warnings.map((w) => w.path)).toEqual(['$.resultTruncated']);
    expect(ingest({ data: [vnet('v1')], $skipToken: 'abc', resultTruncated: 'false' }, { fileName: 'rg.json' }).warnings.map((w) => w.path)).toEqual(['$.$skipToken']);
    expect(ingest({ data: [vnet('v1')], resultTruncated: 'false' }, { fileName: 'rg.json' }).warnings).toEqual([]);
  });

  it('reads a single resource object (ARM GET, az resource show)', () => {
    expect(ingest(vnet('v1'), { fileName: 'get.json' }).vnets.size).toBe(1);
  });

  it('infers a missing type from the id (child GETs omit it)', () => {
    const subnet = { id: `${SUB}/Microsoft.Network/virtualNetworks/v1/subnets/s1`, name: 's1', properties: { addressPrefix: '10.0.1.0/24' } };
    const file = toSnapshotFile([subnet], { fileName: 'subnet.json' });
    expect(file.resources[0]?.type).toBe('Microsoft.Network/virtualNetworks/subnets');
  });

  it('accepts JSON text and strips a UTF-8 BOM', () => {
    expect(ingest(`\uFEFF${JSON.stringify([vnet('v1')])}`, { fileName: 'bom.json' }).vnets.size).toBe(1);
  });

  it('round-trips a VNetLens snapshot file, keeping provenance, missing and harvest warnings', () => {
    const file = toSnapshotFile([vnet('v1'), vnet('v2', '/subscriptions/bbbbbbbb-0000-0000-0000-000000000002/resourceGroups/rg/providers')], { fileName: 'in.json' });
    expect(file).toMatchObject({ format: SNAPSHOT_FORMAT, schemaVersion: SNAPSHOT_SCHEMA_VERSION, missing: [], warnings: [] });
    expect(file.provenance).toEqual({ source: 'file', subscriptions: ['aaaaaaaa-0000-0000-0000-000000000001', 'bbbbbbbb-0000-0000-0000-000000000002'], inputFile: 'in.json' });
    const harvested = {
      ...file,
      provenance: { source: 'harvest', cloud: 'AzureCloud', subscriptions: ['aaaaaaaa-0000-0000-0000-000000000001'], createdAt: '2026-11-29T08:00:00Z', tool: 'vnetlens 0.1.0' },
      missing: [{ kind: 'subscription', subscriptionId: 'cccccccc-0000-0000-0000-000000000003', reason: '403 AuthorizationFailed' }],
      warnings: [{ code: 'throttled', message: 'retried 2 requests after 429', fromANewerBuild: true }],
    };
    const text = JSON.stringify(harvested);
    const s = ingest(parseJsonText(text, 'estate.snapshot.json'), { fileName: 'estate.snapshot.json' });
    expect(s.provenance).toMatchObject({ source: 'harvest', cloud: 'AzureCloud', tool: 'vnetlens 0.1.0' });
    expect(s.missing).toEqual(harvested.missing);
    expect(s.warnings).toEqual([{ code: 'throttled', message: 'retried 2 requests after 429' }]);
    expect(buildSnapshot(toSnapshotFile(JSON.parse(text), { fileName: 'x' })).vnets.size).toBe(2);
  });

  it('uses the service tags stored in a snapshot file unless the caller overrides them', () => {
    const serviceTags = { changeNumber: 7, cloud: 'Public', values: [{ name: 'Storage.WestEurope', id: 'Storage.WestEurope', properties: { region: 'westeurope', systemService: 'AzureStorage', addressPrefixes: ['20.38.108.0/23'] } }] };
    const file = { ...toSnapshotFile([vnet('v1')], { fileName: 'x' }), serviceTags };
    expect(buildSnapshot(file).serviceTags).toMatchObject({ cloud: 'AzureCloud', changeNumber: 7, tags: [{ name: 'Storage.WestEurope', region: 'westeurope', addressPrefixes: ['20.38.108.0/23'] }] });
    const override = { cloud: 'AzureCloud', source: 'cli', tags: [] };
    expect(buildSnapshot(file, { serviceTags: override }).serviceTags).toBe(override);
  });
});

describe('malformed input', () => {
  it('truncated JSON: names the file and the line/column', () => {
    const e = ingestError(() => parseJsonText('[\n  {"id": "/subscriptions/x",\n   "type": "Microsoft.Network/virtualNetworks"', 'estate.json'));
    expect(e.message).toMatch(/^estate\.json: line 3, column \d+: invalid JSON: the JSON ends too early/);
    expect(e.file).toBe('estate.json');
  });

  it('a file cut inside a string is reported as truncated', () => {
    expect(ingestError(() => parseJsonText('[{"id": "/subscriptions/abc', 'cut.json')).message).toBe('cut.json: line 1, column 9: invalid JSON: the JSON ends too early (truncated file?)');
    expect(ingestError(() => parseJsonText('{"a": "x\\"}', 'esc.json')).message).toMatch(/^esc\.json: line 1, column 7: invalid JSON: /);
  });

  it('invalid JSON in the middle: points at the bad token', () => {
    const e = ingestError(() => parseJsonText('{\n  "value": [1,,2]\n}', 'list.json'));
    expect(e.message).toBe('list.json: line 2, column 15: invalid JSON: expected a value');
  });

  it('empty file', () => {
    expect(ingestError(() => parseJsonText('  \n', 'empty.json')).message).toBe('empty.json: the file is empty (expected JSON)');
  });

  it('not an array or object', () => {
    expect(ingestError(() => toSnapshotFile('hello', { fileName: 's.json' })).message).toMatch(/^s\.json: \$: expected a JSON array of ARM resources.*got string$/);
    expect(ingestError(() => toSnapshotFile({ foo: 1 }, { fileName: 'o.json' })).path).toBe('$');
    expect(ingestError(() => toSnapshotFile({ value: { id: 'x' } }, { fileName: 'v.json' })).message).toBe('v.json: $.value: expected an array of ARM resources, got object');
  });

  it('an array item that is not a resource, or has no id', () => {
    expect(ingestError(() => toSnapshotFile([vnet('v1'), 42], { fileName: 'a.json' })).message).toBe('a.json: $[1]: expected an ARM resource object, got number');
    expect(ingestError(() => toSnapshotFile({ value: [{ type: 'Microsoft.Network/virtualNetworks' }] }, { fileName: 'a.json' })).message)
      .toBe('a.json: $.value[0].id: missing (expected the ARM resource id, a string)');
    expect(ingestError(() => toSnapshotFile([{ id: '/subscriptions/x' }], { fileName: 'a.json' })).path).toBe('$[0].type');
  });

  it('a wrong type deep inside a resource: names the exact JSON path', () => {
    const bad = vnet('v1');
    const input = [vnet('v0'), vnet('v2'), vnet('v3'), { ...bad, properties: { ...bad.properties, subnets: [{ name: 'a', properties: { addressPrefix: 10 } }] } }];
    expect(ingestError(() => ingest(input, { fileName: 'estate.json' })).message)
      .toBe('estate.json: $[3].properties.subnets[0].properties.addressPrefix: expected string, got number');
  });

  it('a wrong type in an NSG rule, inside an ARM list response', () => {
    const nsg = { id: `${SUB}/Microsoft.Network/networkSecurityGroups/n`, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: [
      { name: 'ok', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp' } },
      { name: 'bad', properties: { priority: '200', direction: 'Inbound', access: 'Allow', protocol: 'Tcp' } },
    ] } };
    const e = ingestError(() => ingest({ value: [nsg] }, { fileName: 'nsgs.json' }));
    expect(e.message).toBe('nsgs.json: $.value[0].properties.securityRules[1].properties.priority: expected number, got string');
    expect(e.path).toBe('$.value[0].properties.securityRules[1].properties.priority');
  });

  it('a missing required rule field and an unknown enum value', () => {
    const rule = (props: object) => [{ id: `${SUB}/Microsoft.Network/networkSecurityGroups/n/securityRules/r`, properties: props }];
    expect(ingestError(() => ingest(rule({ priority: 100, access: 'Allow', protocol: 'Tcp' }), { fileName: 'r.json' })).message)
      .toBe('r.json: $[0].properties.direction: missing (expected string)');
    expect(ingestError(() => ingest(rule({ priority: 100, direction: 'Sideways', access: 'Allow', protocol: 'Tcp' }), { fileName: 'r.json' })).message)
      .toBe('r.json: $[0].properties.direction: unknown value "Sideways" (expected one of Inbound, Outbound)');
  });

  it('a newer snapshot schemaVersion says which version this build reads', () => {
    const e = ingestError(() => toSnapshotFile({ format: SNAPSHOT_FORMAT, schemaVersion: SNAPSHOT_SCHEMA_VERSION + 1, resources: [] }, { fileName: 'new.snapshot.json' }));
    expect(e.path).toBe('$.schemaVersion');
    expect(e.message).toContain(`newer VNetLens (schemaVersion ${SNAPSHOT_SCHEMA_VERSION + 1})`);
    expect(e.message).toContain(`this build reads schemaVersion ${SNAPSHOT_SCHEMA_VERSION}`);
  });

  it('a damaged snapshot file names the field', () => {
    const file = { format: SNAPSHOT_FORMAT, schemaVersion: 1, provenance: { source: 'harvest', subscriptions: [] }, resources: [], missing: [{ kind: 'tenant', reason: 'x' }] };
    expect(ingestError(() => toSnapshotFile(file, { fileName: 'd.snapshot.json' })).path).toBe('$.missing[0].kind');
    const resources = { ...file, missing: [], resources: [vnet('v1'), { id: 5, type: 'x' }] };
    expect(ingestError(() => ingest(resources, { fileName: 'd.snapshot.json' })).message).toBe('d.snapshot.json: $.resources[1].id: expected a non-empty string, got number');
  });
});

describe('toSnapshotFile then buildSnapshot (the CLI path)', () => {
  it('still reports paths in the user\'s own input', () => {
    const nsg = { id: `${SUB}/Microsoft.Network/networkSecurityGroups/n`, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: [{ name: 'r', properties: { priority: 'high' } }] } };
    const file = toSnapshotFile([vnet('v1'), nsg], { fileName: 'estate.json' });
    expect(ingestError(() => buildSnapshot(file, { fileName: 'estate.json' })).message)
      .toBe('estate.json: $[1].properties.securityRules[0].properties.priority: expected number, got string');
    // a SnapshotFile that did not come from toSnapshotFile (a harvest in memory) uses its own layout
    expect(ingestError(() => buildSnapshot({ ...file }, { fileName: 'h.snapshot.json' })).path).toBe('$.resources[1].properties.securityRules[0].properties.priority');
  });
});
