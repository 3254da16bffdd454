/**
 * Child resources from a GET (`SubnetGet`, `VirtualNetworkPeeringGet`) often come without a `type`;
 * their id spells it out, so ingest infers it rather than rejecting good ARM output.
 */

/** `…/providers/Microsoft.Network/virtualNetworks/v/subnets/s` → `Microsoft.Network/virtualNetworks/subnets`; undefined when the id has no provider part. */
export function typeFromId(id: string): string | undefined {
  const parts = id.replace(/\/+$/, '').split('/');
  let at = -1;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i]?.toLowerCase() === 'providers') {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  const rest = parts.slice(at + 1);
  // namespace, then (type, name) pairs
  if (rest.length < 3 || rest.length % 2 === 0) return undefined;
  const types = [rest[0]];
  for (let i = 1; i < rest.length; i += 2) types.push(rest[i]);
  return types.join('/');
}
