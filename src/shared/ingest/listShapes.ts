/**
 * The list envelopes around ARM resources: Resource Graph's table form, and the paging markers that
 * say a file holds only one page of a longer answer.
 */
import type { IngestWarning } from '../model';
import { IngestError, jsonKind } from './ingestError';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Resource Graph's table form: `{ columns: [{ name }], rows: [[…]] }` → objects. */
export function tableRows(data: Record<string, unknown>, fileName: string): unknown[] {
  const { columns, rows } = data;
  if (!Array.isArray(columns) || !Array.isArray(rows)) {
    throw new IngestError(fileName, '$.data', 'expected an array of resources or a table { columns, rows }');
  }
  const names = columns.map((c, i) => {
    if (!isObject(c) || typeof c.name !== 'string') throw new IngestError(fileName, `$.data.columns[${i}].name`, 'expected string');
    return c.name;
  });
  return rows.map((row, r) => {
    if (!Array.isArray(row)) throw new IngestError(fileName, `$.data.rows[${r}]`, `expected an array (a table row), got ${jsonKind(row)}`);
    const obj: Record<string, unknown> = {};
    names.forEach((n, c) => { obj[n] = row[c]; });
    return obj;
  });
}

/** One page of a paged answer is not the estate: say so rather than let missing resources look absent. */
export function pagingWarnings(input: Record<string, unknown>, fileName: string): IngestWarning[] {
  const truncated = input.resultTruncated === true || input.resultTruncated === 'true';
  const next = typeof input.nextLink === 'string' && input.nextLink !== '' ? '$.nextLink'
    : typeof input.$skipToken === 'string' && input.$skipToken !== '' ? '$.$skipToken'
      : truncated ? '$.resultTruncated' : undefined;
  if (!next) return [];
  return [{
    code: 'incomplete-list',
    message: `${fileName} holds one page of a longer answer (${next.slice(2)} is set); resources on other pages are not in the snapshot`,
    path: next,
  }];
}
