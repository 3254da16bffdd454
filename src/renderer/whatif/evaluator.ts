/**
 * The renderer's one long-lived evaluator. What-if steps and suggested fixes share it so each edit
 * re-evaluates only the computes it touches; its own module so loading an estate can use it too
 * (then the what-if start on that estate is a cache hit instead of a second full evaluation).
 *
 * It also holds the named assumptions the app evaluates under (the CLI's `--assume id=value`, as
 * the same id → text record). The engine fixes assumptions per evaluator, so changing them swaps
 * the evaluator behind `whatIfEvaluator`; holders of that object need not know.
 */
import { DEFAULT_ASSUMPTIONS, describeAssumptions, resolveAssumptions } from '../../shared/engine/assumptions';
import { createEvaluator, type Evaluator } from '../../shared/engine/evaluateEstate';

/** Assumption overrides: id → value as `--assume id=value` writes it. Defaults are never listed. */
export type AssumptionOverrides = Readonly<Record<string, string>>;

const DEFAULT_TEXT: ReadonlyMap<string, string> = new Map(describeAssumptions(DEFAULT_ASSUMPTIONS).map((a) => [a.id, a.value]));

let overrides: AssumptionOverrides = {};
let current = createEvaluator();

/** Shared by every what-if step, every suggested-fix check, and the estate load. */
export const whatIfEvaluator: Evaluator = {
  get assumptions() { return current.assumptions; },
  get lastRecomputed() { return current.lastRecomputed; },
  evaluate: (snapshot) => current.evaluate(snapshot),
};

/** The overrides in force. */
export function evaluatorOverrides(): AssumptionOverrides {
  return overrides;
}

/**
 * The overrides that differ from the defaults, in the text the reports print (so `false` for a
 * default-false flag, or an empty list, is no override at all), sorted by id.
 */
export function normalizeOverrides(next: AssumptionOverrides): AssumptionOverrides {
  const resolved = describeAssumptions(resolveAssumptions(next));
  const out: Record<string, string> = {};
  for (const { id, value } of resolved) if (id in next && value !== DEFAULT_TEXT.get(id)) out[id] = value;
  return out;
}

/** Same overrides (after normalizing)? */
export function sameOverrides(a: AssumptionOverrides, b: AssumptionOverrides): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * Evaluate under `next` from now on. Throws the engine's message for an unknown id or a bad value
 * (nothing changes then). Keeps the evaluator (and its cache) when nothing changes.
 */
export function setEvaluatorOverrides(next: AssumptionOverrides): void {
  const normalized = normalizeOverrides(next);
  if (sameOverrides(normalized, overrides)) return;
  current = createEvaluator(resolveAssumptions(normalized));
  overrides = normalized;
}
