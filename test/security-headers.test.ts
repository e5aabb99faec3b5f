import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-headers';
import nextConfig from '@/next.config.mjs';
import { proxy } from '@/proxy';

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, 'http://portal.test'), { method: init.method ?? 'GET', headers: init.headers });

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

afterEach(() => vi.unstubAllEnvs());

describe('Content-Security-Policy', () => {
  it('scripts run only with the nonce (no inline script); no framing, plugins, <base> or foreign form targets', () => {
    const policy = directives(contentSecurityPolicy('abc', false));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(contentSecurityPolicy('abc', false)).not.toContain('unsafe');
  });

  it("only `next dev` gets 'unsafe-eval' (its modules are eval'd)", () => {
    expect(directives(contentSecurityPolicy('abc', true)).get('script-src')).toContain("'unsafe-eval'");
    vi.stubEnv('NODE_ENV', 'production');
    expect(contentSecurityPolicy('abc')).not.toContain('unsafe-eval');
  });

  it('every request gets a fresh nonce, passed on to Next in the request and sent in the answer', () => {
    const first = securityHeaders();
    const second = securityHeaders();
    expect(first.nonce).not.toBe(second.nonce);
    expect(Buffer.from(first.nonce, 'base64')).toHaveLength(16);
    const forwarded = first.forward(new Headers());
    expect(forwarded.get('content-security-policy')).toContain(`'nonce-${first.nonce}'`);
    expect(forwarded.get('x-nonce')).toBe(first.nonce);
  });

  it("the proxy's own answers carry the policy too: a page, a redirect, a 404, a 413, a 411 and Auth.js's endpoints", () => {
    const answers = [
      proxy(request('/login')),
      proxy(request('/contracts')),
      proxy(request('/options/%ff%fe/cancel')),
      proxy(request('/login', { method: 'POST', headers: { 'content-length': String(2 ** 20) } })),
      proxy(request('/login', { method: 'POST', headers: { 'transfer-encoding': 'chunked' } })),
      proxy(request('/api/auth/session')),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 307, 404, 413, 411, 200]);
    const nonces = answers.map((a) => a.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1]);
    expect(new Set(nonces).size).toBe(answers.length);
  });
});

describe('the fixed headers (next.config.mjs)', () => {
  const fixed = async () => {
    const rules = await nextConfig.headers!();
    return Object.fromEntries(rules.find((r) => r.source === '/:path*')!.headers.map((h) => [h.key, h.value]));
  };

  it('deny framing, sniffing, foreign openers and device features on every answer', async () => {
    const headers = await fixed();
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Referrer-Policy']).toBe('same-origin');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(headers['Permissions-Policy']).toContain(`${feature}=()`);
  });

  it('HSTS only in a production build', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect((await fixed())['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    vi.stubEnv('NODE_ENV', 'development');
    expect((await fixed())['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('the session cookie', () => {
  it('is Secure (and __Secure-/__Host- named) in production, even when X-Forwarded-Proto says http', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    const { authConfig } = await import('@/lib/auth/config');
    const { Auth } = await import('@auth/core');
    const answer = await Auth(new Request('http://portal.test/api/auth/csrf', { headers: { 'x-forwarded-proto': 'http' } }), {
      ...authConfig,
      secret: 'a-test-secret-of-enough-length-0123456789',
      basePath: '/api/auth',
    });
    const cookies = answer.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Secure|Host)-authjs\./);
      expect(cookie).toMatch(/; Secure/i);
    }
  });
});
