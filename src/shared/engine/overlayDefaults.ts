/**
 * The firewall and admin-rule evaluators take the run's `Assumptions` or, in their own tests, a
 * partial object: each key that is present (with the default's type) wins over the default. One
 * result per input object, since the evaluators ask for every flow.
 */
export function overlayDefaults<T extends object>(defaults: T): (a: object) => T {
  const memo = new WeakMap<object, T>();
  return (a) => {
    let result = memo.get(a);
    if (!result) {
      const src = a as Readonly<Record<string, unknown>>;
      const base = defaults as Readonly<Record<string, unknown>>;
      const out: Record<string, unknown> = { ...base };
      for (const key of Object.keys(base)) {
        const v = src[key];
        if (v !== undefined && typeof v === typeof base[key]) out[key] = v;
      }
      result = out as T;
      memo.set(a, result);
    }
    return result;
  };
}
