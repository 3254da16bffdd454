/** What every config check receives: the record maps, input paths, and the warning sink. */
import type { IngestWarning } from '../../model';

/** Shared inputs of the checks. */
export interface CheckContext {
  /** idKey → JSON path of the resource (or child) in the input, when it came from the input. */
  readonly pathOf: (id: string) => string | undefined;
  readonly warn: (w: IngestWarning) => void;
}

/** A warning with its path when known. */
export function warning(ctx: CheckContext, code: string, message: string, resourceId: string): IngestWarning {
  const path = ctx.pathOf(resourceId);
  return { code, message, resourceId, ...(path ? { path } : {}) };
}
