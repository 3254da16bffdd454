/**
 * The renderer's one long-lived evaluator. What-if steps and suggested fixes share it so each edit
 * re-evaluates only the computes it touches; its own module so loading an estate can use it too
 * (then the what-if start on that estate is a cache hit instead of a second full evaluation).
 */
import { createEvaluator } from '../../shared/engine/evaluateEstate';

/** Shared by every what-if step, every suggested-fix check, and (ideally) the estate load. */
export const whatIfEvaluator = createEvaluator();
