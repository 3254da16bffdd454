/**
 * Bad input through the real process (issue 2, "Done when"): truncated JSON, wrong types, dangling
 * ids, duplicate priorities. Each gives exit 2 with the file and the JSON path in stderr, or a named
 * warning, and never a stack trace. Fixtures: test/fixtures/scenario/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, STACK_TRACE, ensureCliBuilt, runCli, type CliRun } from './cli';

const FIX = 'test/fixtures/scenario';

function expectClean(run: CliRun): void {
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status).not.toBe(70); // the CLI's "internal error" code
}

function expectBadInput(run: CliRun, file: string, where: RegExp): void {
  expectClean(run);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(file);
  expect(run.stderr).toMatch(where);
}

beforeAll(() => ensureCliBuilt());

describe('unusable input exits 2 naming the file and where in it', () => {
  it('truncated JSON (the sample cut short): file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnetlens-scenario-'));
    const text = readFileSync(join(REPO, 'samples/sample-estate.json'), 'utf8');
    const cut = text.slice(0, Math.floor(text.length * 0.4));
    const file = join(dir, 'truncated.json');
    writeFileSync(file, cut);
    const lines = cut.split('\n').length;
    const run = runCli(['check', file, '--format', 'json']);
    expectBadInput(run, file, /line \d+, column \d+/);
    const line = Number(/line (\d+)/.exec(run.stderr)?.[1]);
    // The error is at the end of what is there, not somewhere arbitrary.
    expect(line).toBeGreaterThanOrEqual(lines - 1);
  });

  it('a text file that is not JSON', () => {
    expectBadInput(runCli(['check', `${FIX}/not-json.txt`]), `${FIX}/not-json.txt`, /line 1, column 1/);
  });

  it('JSON that is not an estate: says what was expected at $', () => {
    expectBadInput(runCli(['check', `${FIX}/not-resources.json`]), `${FIX}/not-resources.json`, /\$: expected a JSON array of ARM resources/);
  });

  it('a resource without an id: $[0].id', () => {
    expectBadInput(runCli(['check', `${FIX}/missing-id.json`]), `${FIX}/missing-id.json`, /\$\[0\]\.id/);
  });

  it('wrong type: subnets is a string: $[0].properties.subnets', () => {
    expectBadInput(runCli(['check', `${FIX}/wrong-type-subnets.json`]), `${FIX}/wrong-type-subnets.json`, /\$\[0\]\.properties\.subnets: expected array/);
  });

  it('wrong type: a rule priority that is a word: $[1].properties.securityRules[0].properties.priority', () => {
    expectBadInput(runCli(['check', `${FIX}/wrong-type-priority.json`]), `${FIX}/wrong-type-priority.json`,
      /\$\[1\]\.properties\.securityRules\[0\]\.properties\.priority: expected number/);
  });

  it('a file that does not exist, an empty file', () => {
    expectBadInput(runCli(['check', `${FIX}/no-such-file.json`]), `${FIX}/no-such-file.json`, /cannot read/);
    const dir = mkdtempSync(join(tmpdir(), 'vnetlens-scenario-'));
    writeFileSync(join(dir, 'empty.json'), '');
    const empty = runCli(['check', join(dir, 'empty.json')]);
    expectClean(empty);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('empty.json');
  });

  it('bad flags: an unknown format, an unknown assumption', () => {
    const format = runCli(['check', 'samples/sample-estate.json', '--format', 'xml']);
    expectClean(format);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/xml/);
    const assume = runCli(['check', 'samples/sample-estate.json', '--assume', 'noSuchThing=true']);
    expectClean(assume);
    expect(assume.status).toBe(2);
    expect(assume.stderr).toMatch(/noSuchThing/);
  });
});

describe('usable input with mistakes gives named warnings, not a crash', () => {
  it('dangling ids: named warnings with paths, and the compute whose subnet is missing is unknown, never guessed', () => {
    const run = runCli(['check', `${FIX}/dangling-ids.json`, '--format', 'json']);
    expectClean(run);
    expect(run.status).not.toBe(2);
    expect(run.stderr).toMatch(/warning \[dangling-reference\] .*nsg-gone.*\(\$\[0\]\.properties\.subnets\[0\]\)/);
    expect(run.stderr).toMatch(/warning \[dangling-reference\] .*cluster-a: subnet .*vnet-gone\/subnets\/snet-x/);
    const report = JSON.parse(run.stdout) as { computes: { name: string; flows: { status: string }[] }[] };
    const flows = report.computes.find((c) => c.name === 'cluster-a')?.flows ?? [];
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.every((f) => f.status === 'unknown')).toBe(true);
  });

  it('duplicate priorities: a named warning naming both rules and where the second one is', () => {
    const run = runCli(['check', `${FIX}/duplicate-priorities.json`, '--format', 'json']);
    expectClean(run);
    expect(run.status).not.toBe(2);
    expect(run.stderr).toMatch(/warning \[duplicate-priority\] nsg-bad: rules allow-aml and deny-aml both have outbound priority 100/);
    expect(run.stderr).toContain('($[1].properties.securityRules[1])');
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });
});
