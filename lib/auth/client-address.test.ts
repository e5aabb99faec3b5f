import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_HEADER, trustedProxyHops } from './client-address';

const headers = (h: Record<string, string>) => new Headers(h);

describe('clientAddress: the address the sign-in limit counts', () => {
  it('no proxy: the socket peer, whatever X-Forwarded-For the client sends', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('203.0.113.7');
    expect(clientAddress(headers({ [PEER_HEADER]: '203.0.113.7', 'x-forwarded-for': '1.1.1.1, 2.2.2.2', 'x-real-ip': '3.3.3.3' }), 0)).toBe('203.0.113.7');
  });
  it('no proxy and no peer header: "unknown", never a client-sent header', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' }), 0)).toBe('unknown');
  });
  it('one proxy: the last entry (the one the proxy appended), not the client-sent ones before it', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': 'spoofed, 198.51.100.9' }), 1)).toBe('198.51.100.9');
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.9' }), 1)).toBe('198.51.100.9');
  });
  it('two proxies: the second entry from the right (what the outer proxy saw)', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.3', 'x-forwarded-for': 'spoofed, 198.51.100.9, 10.0.0.2' }), 2)).toBe('198.51.100.9');
  });
  it('a list shorter than the hops (the request skipped a proxy): the peer', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.3', 'x-forwarded-for': '198.51.100.9' }), 2)).toBe('10.0.0.3');
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.3' }), 1)).toBe('10.0.0.3');
    expect(clientAddress(headers({}), 1)).toBe('unknown');
  });
  it('an oversized entry is not an address', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.3', 'x-forwarded-for': 'x'.repeat(500) }), 1)).toBe('10.0.0.3');
  });
});

describe('trustedProxyHops', () => {
  it('defaults to 0 and reads a whole number', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
  });
  it('refuses anything else, so a typo does not silently trust the client', () => {
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: 'one' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
