/** NICs, ASGs, public IPs, NAT gateways and Azure Firewalls: ARM shapes → model records. */
import type { z } from 'zod';
import type {
  ApplicationSecurityGroup, AzureFirewall, NatGateway, NetworkInterface, PublicIpAddress,
} from '../../model';
import type { Item } from '../collector';
import type { NicIn, asgSchema, natGatewaySchema, publicIpSchema } from '../schemas/nic';
import type { AzureFirewallIn } from '../schemas/azureFirewall';
import { refIds } from '../schemas/common';
import { base, type Draft } from './base';

/** An ip configuration that occupies an address in a subnet (NIC or firewall). */
export interface IpConfigUse {
  readonly id: string;
  readonly subnetId?: string;
  readonly publicIpId?: string;
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/** A NIC, plus its ip configurations (for subnet address counts and public IP back-references). */
export function toNic(item: Item<NicIn>): { record: Draft<NetworkInterface>; ipConfigs: IpConfigUse[] } {
  const p = item.data.properties;
  const configs = p?.ipConfigurations ?? [];
  const ipConfigs: IpConfigUse[] = configs.map((c, i) => ({
    id: c.id ?? `${item.id}/ipConfigurations/${c.name ?? String(i)}`,
    ...(c.properties?.subnet?.id ? { subnetId: c.properties.subnet.id } : {}),
    ...(c.properties?.publicIPAddress?.id ? { publicIpId: c.properties.publicIPAddress.id } : {}),
  }));
  const record: Draft<NetworkInterface> = {
    ...base(item),
    subnetIds: uniq(ipConfigs.flatMap((c) => (c.subnetId ? [c.subnetId] : []))),
    privateIps: uniq(configs.flatMap((c) => (c.properties?.privateIPAddress ? [c.properties.privateIPAddress] : []))),
    ...(p?.networkSecurityGroup?.id ? { nsgId: p.networkSecurityGroup.id } : {}),
    asgIds: uniq(configs.flatMap((c) => refIds(c.properties?.applicationSecurityGroups))),
    publicIpIds: uniq(ipConfigs.flatMap((c) => (c.publicIpId ? [c.publicIpId] : []))),
    enableIpForwarding: p?.enableIPForwarding ?? false,
    ...(p?.virtualMachine?.id ? { virtualMachineId: p.virtualMachine.id } : {}),
    ...(p?.privateEndpoint?.id ? { privateEndpointId: p.privateEndpoint.id } : {}),
  };
  return { record, ipConfigs };
}

/** An application security group (identity only). */
export function toAsg(item: Item<z.output<typeof asgSchema>>): ApplicationSecurityGroup {
  return base(item);
}

/** A public IP address. */
export function toPublicIp(item: Item<z.output<typeof publicIpSchema>>): Draft<PublicIpAddress> {
  const p = item.data.properties;
  return {
    ...base(item),
    ...(p?.ipAddress ? { ipAddress: p.ipAddress } : {}),
    ...(p?.ipConfiguration?.id ? { ipConfigurationId: p.ipConfiguration.id } : {}),
  };
}

/** A NAT gateway; subnetIds are completed from subnets that point at it. */
export function toNatGateway(item: Item<z.output<typeof natGatewaySchema>>): Draft<NatGateway> {
  const p = item.data.properties;
  return { ...base(item), subnetIds: refIds(p?.subnets), publicIpIds: refIds(p?.publicIpAddresses) };
}

/** An Azure Firewall, plus its ip configurations (they take addresses in AzureFirewallSubnet). */
export function toAzureFirewall(item: Item<AzureFirewallIn>): { record: AzureFirewall; ipConfigs: IpConfigUse[] } {
  const p = item.data.properties;
  const configs = p?.ipConfigurations ?? [];
  const first = configs[0]?.properties;
  const ipConfigs: IpConfigUse[] = configs.map((c, i) => ({
    id: c.id ?? `${item.id}/ipConfigurations/${i}`,
    ...(c.properties?.subnet?.id ? { subnetId: c.properties.subnet.id } : {}),
  }));
  const record: AzureFirewall = {
    ...base(item),
    ...(first?.subnet?.id ? { subnetId: first.subnet.id } : {}),
    ...(first?.privateIPAddress ? { privateIp: first.privateIPAddress } : {}),
    ...(p?.firewallPolicy?.id ? { firewallPolicyId: p.firewallPolicy.id } : {}),
    ...(p?.sku?.tier ? { skuTier: p.sku.tier } : {}),
    ...(p?.threatIntelMode ? { threatIntelMode: p.threatIntelMode } : {}),
    classic: {
      applicationRuleCollections: p?.applicationRuleCollections ?? [],
      networkRuleCollections: p?.networkRuleCollections ?? [],
      natRuleCollections: p?.natRuleCollections ?? [],
    },
    additionalProperties: p?.additionalProperties ?? {},
  };
  return { record, ipConfigs };
}
