/** One line per edit for the pending-changes list, the CLI and commit messages of exports. */
import { lastSegment } from '../model';
import type { Edit } from './edits';

/** e.g. `NSG nsg-a: add Allow Outbound rule allow-x at 150`. */
export function describeEdit(edit: Edit): string {
  const n = lastSegment;
  switch (edit.kind) {
    case 'nsgRule.add': return `NSG ${n(edit.nsgId)}: add ${edit.rule.access} ${edit.rule.direction} rule ${edit.rule.name} at ${edit.rule.priority}`;
    case 'nsgRule.update': return `NSG ${n(edit.nsgId)}: change rule ${edit.ruleName} (${Object.keys(edit.changes).join(', ') || 'nothing'})`;
    case 'nsgRule.delete': return `NSG ${n(edit.nsgId)}: delete rule ${edit.ruleName}`;
    case 'nsgRule.reprioritize': return `NSG ${n(edit.nsgId)}: move rule ${edit.ruleName} to ${edit.priority}`;
    case 'nsg.create': return `create NSG ${edit.place.name} in ${edit.place.resourceGroup}`;
    case 'nsg.associateSubnet': return edit.nsgId ? `subnet ${n(edit.subnetId)}: use NSG ${n(edit.nsgId)}` : `subnet ${n(edit.subnetId)}: remove its NSG`;
    case 'peering.create': return `peer ${n(edit.vnetId)} ↔ ${n(edit.remoteVnetId)}`;
    case 'dnsZone.create': return `create private DNS zone ${edit.zoneName} in ${edit.resourceGroup}`;
    case 'dnsZone.link': return `link zone ${n(edit.zoneId)} to ${n(edit.vnetId)}${edit.registrationEnabled ? ' (registration)' : ''}`;
    case 'dnsRecord.addA': return `zone ${n(edit.zoneId)}: A ${edit.recordName} → ${edit.ipv4Addresses.join(', ')}`;
    case 'privateEndpoint.add': return `private endpoint ${edit.place.name} to ${n(edit.targetId)} (${edit.groupId}) in ${n(edit.subnetId)}`;
    case 'routeTable.create': return `create route table ${edit.place.name} in ${edit.place.resourceGroup}`;
    case 'route.add': return `route table ${n(edit.routeTableId)}: ${edit.route.addressPrefix} → ${edit.route.nextHopType}${edit.route.nextHopIpAddress ? ` ${edit.route.nextHopIpAddress}` : ''}`;
    case 'routeTable.associateSubnet': return edit.routeTableId ? `subnet ${n(edit.subnetId)}: use route table ${n(edit.routeTableId)}` : `subnet ${n(edit.subnetId)}: remove its route table`;
    case 'natGateway.attach': return `subnet ${n(edit.subnetId)}: attach ${edit.create ? `new NAT gateway ${edit.create.name}` : `NAT gateway ${n(edit.natGatewayId ?? '')}`}`;
    case 'compute.setPublicIp': return `compute ${n(edit.computeId)}: public IP ${edit.enabled ? 'on' : 'off'}`;
    case 'firewallRule.add': return `firewall policy ${n(edit.policyId)}: add ${edit.rule.ruleType === 'NetworkRule' ? 'network' : 'application'} rule ${edit.rule.name} to ${edit.groupName}/${edit.collectionName}${edit.collection ? ` (new ${edit.collection.action} collection at ${edit.collection.priority})` : ''}`;
    case 'firewallRule.update': return `firewall policy ${n(edit.policyId)}: change rule ${edit.groupName}/${edit.collectionName}/${edit.ruleName} (${Object.keys(edit.changes).join(', ') || 'nothing'})`;
    case 'firewallRule.delete': return `firewall policy ${n(edit.policyId)}: delete rule ${edit.groupName}/${edit.collectionName}/${edit.ruleName}`;
    default: return 'unknown edit';
  }
}
