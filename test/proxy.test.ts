import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, proxy } from '@/proxy';

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, 'http://portal.test'), { method: init.method ?? 'GET', headers: init.headers });

describe('requests refused before the app', () => {
  it('a page URL with a malformed percent-escape is not found (404), with a message in both languages', async () => {
    const response = proxy(request('/options/%ff%fe/cancel', { headers: { cookie: 'authjs.session-token=x' } }));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Not found');
  });

  it('a body over the limit is refused with 413 before any action runs, a normal one goes on', async () => {
    const big = proxy(request('/login', { method: 'POST', headers: { 'content-length': String(MAX_BODY_BYTES + 1) } }));
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('too large');
    const normal = proxy(request('/login', { method: 'POST', headers: { 'content-length': '900' } }));
    expect(normal.status).toBe(200);
    expect(normal.headers.get('x-middleware-next')).toBe('1');
  });

  it('the health checks are open without a session; other pages send a visitor to sign in', () => {
    expect(proxy(request('/healthz')).headers.get('x-middleware-next')).toBe('1');
    expect(proxy(request('/readyz')).headers.get('x-middleware-next')).toBe('1');
    const away = proxy(request('/contracts'));
    expect(away.status).toBe(307);
    expect(away.headers.get('location')).toBe('http://portal.test/login?callbackUrl=%2Fcontracts');
  });
});
