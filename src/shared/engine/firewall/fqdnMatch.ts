/**
 * Azure Firewall FQDN patterns (firewall semantics §2.5 rule 1). Application rules accept a
 * left-most `*`; network-rule FQDNs accept no wildcard at all (§2.4 rule 1). Both compare names
 * case-insensitively and ignore a trailing dot, as DNS does.
 */

/** Lower case, no trailing dot: the form every comparison uses. */
export function normalizeFqdn(name: string): string {
  const trimmed = name.trim().toLowerCase();
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** Why a pattern cannot be used: `*` is allowed only as the whole pattern or at its left end. */
export function fqdnPatternError(pattern: string): string | undefined {
  const p = normalizeFqdn(pattern);
  if (p === '') return 'empty FQDN';
  const star = p.indexOf('*');
  if (star === -1 || p === '*') return undefined;
  if (star !== 0 || p.indexOf('*', 1) !== -1) {
    return `"${pattern}": a wildcard is only supported at the left end (e.g. *.contoso.com)`;
  }
  return undefined;
}

/**
 * Does application-rule pattern `pattern` cover the name `name`? `*.x` needs at least one more
 * character left of `.x` (the apex is not covered) and may span several labels; `*x` (no dot)
 * also covers `x` itself and look-alikes such as `evilx`. Invalid patterns never match.
 */
export function matchFqdn(pattern: string, name: string): boolean {
  const p = normalizeFqdn(pattern);
  const n = normalizeFqdn(name);
  if (p === '*') return n !== '';
  if (fqdnPatternError(p) !== undefined) return false;
  if (!p.startsWith('*')) return p === n;
  const suffix = p.slice(1);
  if (suffix.startsWith('.')) return n.length > suffix.length && n.endsWith(suffix);
  return n.endsWith(suffix);
}

/** Network-rule FQDN entries never hold a wildcard; a flow name matches only by equality. */
export function matchNetworkRuleFqdn(entry: string, name: string): boolean {
  const e = normalizeFqdn(entry);
  return !e.includes('*') && e === normalizeFqdn(name);
}

/**
 * A requirement FQDN that is itself a pattern (`*.instances.azureml.ms`) stands for some concrete
 * host: the engine tests a representative name (§4.3), `x.` by default.
 */
export function representativeName(fqdn: string, label = 'x'): string {
  const n = normalizeFqdn(fqdn);
  if (n.startsWith('*.')) return `${label}${n.slice(1)}`;
  if (n.startsWith('*')) return `${label}${n.slice(1)}`;
  return n;
}
