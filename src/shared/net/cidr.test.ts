import { describe, expect, it } from 'vitest';
import {
  cidrContains, ipInCidr, isIpOrCidr, isPrivate, normalizeCidr, overlaps, parseCidr, prefixLength, usableAddresses,
} from './cidr';

describe('cidr helpers', () => {
  it('parses IPv4 prefixes and bare addresses', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ family: 4, start: 0x0a000000, end: 0x0a00ffff, length: 16 });
    expect(prefixLength('10.0.0.4')).toBe(32);
    expect(normalizeCidr('10.0.1.7/16')).toBe('10.0.0.0/16');
  });

  it('rejects garbage and tag names', () => {
    for (const s of ['Storage', '*', '10.0.0.0/33', '300.1.1.1', '10.0.0', '']) expect(isIpOrCidr(s)).toBe(false);
  });

  it('parses IPv6 without crashing and never matches IPv4 with it', () => {
    expect(parseCidr('2603:1000::/40')?.family).toBe(6);
    expect(cidrContains('2603:1000::/40', '10.0.0.1')).toBe(false);
    expect(overlaps('::/0', '0.0.0.0/0')).toBe(false);
  });

  it('containment, membership and overlap', () => {
    expect(cidrContains('10.0.0.0/8', '10.1.0.0/16')).toBe(true);
    expect(cidrContains('10.1.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(ipInCidr('10.1.2.3', '10.1.0.0/16')).toBe(true);
    expect(ipInCidr('10.2.2.3', '10.1.0.0/16')).toBe(false);
    expect(overlaps('10.0.0.0/24', '10.0.0.128/25')).toBe(true);
    expect(overlaps('10.0.0.0/25', '10.0.0.128/25')).toBe(false);
  });

  it('private means RFC 1918 plus 100.64.0.0/10', () => {
    expect(isPrivate('10.5.0.0/16')).toBe(true);
    expect(isPrivate('100.64.3.4')).toBe(true);
    expect(isPrivate('172.32.0.1')).toBe(false);
    expect(isPrivate('8.8.8.8')).toBe(false);
  });

  it('usable addresses = 2^(32-len) - 5 (M10: /28 → 11, M11: /27 → 27)', () => {
    expect(usableAddresses('10.0.0.0/28')).toBe(11);
    expect(usableAddresses(27)).toBe(27);
    expect(usableAddresses('10.0.0.0/30')).toBe(0);
  });
});
