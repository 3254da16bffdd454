/**
 * The address ranges that carry meaning for NSGs and routes without any service-tag data: Azure's
 * platform addresses, private space, and "public" space (what the `Internet` tag stands for).
 */
import { PRIVATE_PREFIXES } from './cidr';
import { Ipv4RangeSet } from './ipv4RangeSet';

/** The host virtual IP: WireServer, Azure DNS, load balancer health probes (semantics §1.5). */
export const HOST_VIP = '168.63.129.16';
/** The instance metadata service address. */
export const IMDS_IP = '169.254.169.254';

/** Ranges that are never public internet: private, loopback, link-local, "this network", multicast/reserved. */
const NON_PUBLIC_PREFIXES = [...PRIVATE_PREFIXES, '0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/3', `${HOST_VIP}/32`];

/** Private (RFC 1918 + 100.64/10) space. */
export const PRIVATE_SPACE = Ipv4RangeSet.fromCidrs(PRIVATE_PREFIXES);
/** Everything the `Internet` tag can mean: IPv4 minus private, special and platform ranges. */
export const PUBLIC_SPACE = Ipv4RangeSet.ALL.subtract(Ipv4RangeSet.fromCidrs(NON_PUBLIC_PREFIXES));
