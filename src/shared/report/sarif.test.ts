import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { REQUIREMENTS } from '../requirements/catalogue';
import type { EstateVerdict } from '../engine/verdict';
import { toSarif } from './sarif';
import { FIXTURE_IDS, FIXTURE_VERDICT } from './verdictFixture';

/*
 * The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that VNetLens writes, with
 * the standard's required properties, enums and `additionalProperties: false`, so a misspelt or
 * invented property fails here. No schema file is available offline; this is transcribed from it.
 */
const message = { type: 'object', additionalProperties: false, properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array' }, properties: { type: 'object' } }, anyOf: [{ required: ['text'] }, { required: ['id'] }] };
const multiformat = { type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: { type: 'object' } } };
const level = { enum: ['none', 'note', 'warning', 'error'] };
const propertyBag = { type: 'object', properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } } };
const SARIF_SUBSET = {
  type: 'object', additionalProperties: false, required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: 'array', minItems: 1, items: {
      type: 'object', additionalProperties: false, required: ['tool'],
      properties: {
        tool: { type: 'object', additionalProperties: false, required: ['driver'], properties: {
          driver: { type: 'object', additionalProperties: false, required: ['name'], properties: {
            name: { type: 'string' }, version: { type: 'string' }, informationUri: { type: 'string', format: 'uri' },
            rules: { type: 'array', uniqueItems: true, items: {
              type: 'object', additionalProperties: false, required: ['id'], properties: {
                id: { type: 'string' }, name: { type: 'string' }, shortDescription: multiformat, fullDescription: multiformat,
                helpUri: { type: 'string' }, help: multiformat,
                defaultConfiguration: { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' }, level, rank: { type: 'number' }, properties: propertyBag } },
                properties: propertyBag,
              } } },
          } },
          extensions: { type: 'array' },
          properties: propertyBag,
        } },
        artifacts: { type: 'array', items: { type: 'object', properties: { location: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } } } } },
        results: { type: 'array', items: {
          type: 'object', additionalProperties: false, required: ['message'], properties: {
            ruleId: { type: 'string' }, ruleIndex: { type: 'integer', minimum: -1 }, level, message,
            kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
            locations: { type: 'array', items: {
              type: 'object', additionalProperties: false, properties: {
                physicalLocation: { type: 'object', additionalProperties: false, anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }], properties: {
                  artifactLocation: { type: 'object', additionalProperties: false, properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 }, properties: propertyBag } },
                  region: { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 } } },
                  address: { type: 'object' },
                } },
                logicalLocations: { type: 'array', minItems: 0, uniqueItems: true, items: {
                  type: 'object', additionalProperties: false, properties: {
                    name: { type: 'string' }, index: { type: 'integer', minimum: -1 }, fullyQualifiedName: { type: 'string' },
                    decoratedName: { type: 'string' }, parentIndex: { type: 'integer', minimum: -1 }, kind: { type: 'string' }, properties: propertyBag,
                  } } },
              } } },
            partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
            fingerprints: { type: 'object', additionalProperties: { type: 'string' } },
            properties: propertyBag,
          } } },
        properties: propertyBag,
      } } },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(SARIF_SUBSET);

describe('toSarif', () => {
  const log = toSarif(FIXTURE_VERDICT, { inputUri: 'samples/sample-estate.json', toolVersion: '0.1.0' });
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules;

  it('is structurally valid SARIF 2.1.0', () => {
    const ok = validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('vnetlens');
    expect(run.tool.driver.version).toBe('0.1.0');
  });

  it('rejects what the structural check is meant to catch (it can fail)', () => {
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
  });

  it('lists every catalogue requirement as a rule with its title, plus the check kinds', () => {
    const ids = rules.map((r) => r.id);
    for (const r of REQUIREMENTS) expect(ids).toContain(r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const o1 = rules.find((r) => r.id === 'O1');
    expect(o1?.shortDescription?.text).toBe(REQUIREMENTS.find((r) => r.id === 'O1')?.title);
    expect(o1?.properties).toMatchObject({ section: '§5.4.2' });
    const dns = rules.find((r) => r.id === 'dns-zone-linked');
    expect(dns?.properties?.requirements).toEqual(expect.arrayContaining(['X3']));
  });

  it('reports blocked, unknown and non-passing checks only, each pointing at a rule that exists', () => {
    // Fixture: 3 blocked + 1 unknown flows, 1 failed + 1 warning check; allowed flows and passed checks stay out.
    expect(run.results).toHaveLength(6);
    for (const r of run.results) {
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(10);
      expect(r.locations[0]?.physicalLocation?.artifactLocation.uri).toBe('samples/sample-estate.json');
    }
    expect(run.results.some((r) => r.message.text.includes('I1'))).toBe(false);
  });

  it('sets the level from status and necessity', () => {
    const byText = (s: string) => run.results.find((r) => r.message.text.includes(s));
    expect(byText('Udp 5831')?.level).toBe('error');
    expect(byText('graph.windows.net')?.level).toBe('error');
    expect(byText('AzureMonitor')?.level).toBe('warning');
    expect(byText('O12')?.level).toBe('note');
    expect(run.results.find((r) => r.ruleId === 'dns-zone-linked')?.level).toBe('error');
    expect(run.results.find((r) => r.ruleId === 'subnet-capacity')?.level).toBe('warning');
  });

  it('names the compute and the resource at fault as logical locations', () => {
    const udp = run.results.find((r) => r.message.text.includes('Udp 5831'));
    expect(udp?.locations[0]?.logicalLocations?.map((l) => l.fullyQualifiedName)).toEqual([FIXTURE_IDS.cluster, FIXTURE_IDS.denyInternet]);
    expect(udp?.message.text).toContain('nsg nsg-cluster › Deny-Internet-Out @4000');
    const dns = run.results.find((r) => r.ruleId === 'dns-zone-linked');
    expect(dns?.locations[0]?.logicalLocations?.map((l) => l.fullyQualifiedName)).toEqual([FIXTURE_IDS.cluster, FIXTURE_IDS.kvZone]);
    expect(dns?.properties?.checkId).toBe('dns-zone-linked:privatelink.vaultcore.azure.net');
    for (const r of run.results) for (const l of r.locations[0]?.logicalLocations ?? []) expect(l.kind).toBe('resource');
  });

  it('gives each finding a stable fingerprint and uses the caller\'s line lookup', () => {
    const again = toSarif(FIXTURE_VERDICT, { inputUri: 'x.json', lineOf: (id) => (id === FIXTURE_IDS.denyInternet ? 42 : undefined) });
    const fps = again.runs[0]!.results.map((r) => JSON.stringify(r.partialFingerprints));
    expect(new Set(fps).size).toBe(fps.length);
    expect(fps).toEqual(run.results.map((r) => JSON.stringify(r.partialFingerprints)));
    const udp = again.runs[0]!.results.find((r) => r.message.text.includes('Udp 5831'));
    expect(udp?.locations[0]?.physicalLocation?.region?.startLine).toBe(42);
  });

  it('adds a rule for a requirement id the catalogue does not know, so ruleIndex never dangles', () => {
    const c = FIXTURE_VERDICT.computes[0]!;
    const v: EstateVerdict = { ...FIXTURE_VERDICT, computes: [{ ...c, flows: [{ ...c.flows[1]!, requirement: 'Z99' }], checks: [{ id: 'brand-new:thing', status: 'fail', message: 'm' }] }] };
    const out = toSarif(v, { inputUri: 'x.json' }).runs[0]!;
    for (const r of out.results) expect(out.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(out.results.map((r) => r.ruleId)).toEqual(['Z99', 'brand-new']);
    expect(validate(JSON.parse(JSON.stringify(toSarif(v, { inputUri: 'x.json' }))))).toBe(true);
  });
});
