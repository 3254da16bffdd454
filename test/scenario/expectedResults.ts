/**
 * Reads the "expected results" table of samples/README.md, so the README people read and the
 * scenario test cannot drift apart: the test compares the engine's output with these rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the table: a flow that is not allowed, or a check that does not pass. */
export interface ExpectedRow {
  readonly compute: string;
  /** Catalogue id, or `check` for a check row. */
  readonly requirement: string;
  readonly protocol: string;
  readonly port: string;
  /** Flow peer or check id; `*` matches any text. */
  readonly peer: string;
  readonly status: string;
  readonly layer: string;
  readonly decidingRule: string;
}

/** Parse the rows between `<!-- expected:start -->` and `<!-- expected:end -->` of a README. */
export function readExpectedRows(readmePath: string): ExpectedRow[] {
  const text = readFileSync(readmePath, 'utf8');
  const start = text.indexOf('<!-- expected:start -->');
  const end = text.indexOf('<!-- expected:end -->');
  if (start < 0 || end < start) throw new Error(`${readmePath}: no expected-results table`);
  const rows = text.slice(start, end).split('\n').filter((l) => l.startsWith('|')).slice(2);
  return rows.map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const [compute = '', requirement = '', protocol = '', port = '', peer = '', status = '', layer = '', decidingRule = ''] = cells;
    return { compute, requirement, protocol, port, peer, status, layer, decidingRule };
  });
}

/** `*` in a README pattern matches any text (including a literal `*`). */
export function matchesPattern(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}

/** The README's way of writing a deciding rule: the rule name, with `@priority` for NSG rules and routes. */
export function decidingRuleText(d: { layer: string; name?: string; priority?: number }): string {
  const withPriority = (d.layer === 'nsg' || d.layer === 'route') && d.priority !== undefined;
  return `${d.name ?? ''}${withPriority ? ` @${d.priority}` : ''}`.trim();
}

/** Where the README lives. */
export function sampleReadme(repo: string): string {
  return join(repo, 'samples/README.md');
}
