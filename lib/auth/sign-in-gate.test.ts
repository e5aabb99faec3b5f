import { describe, expect, it } from 'vitest';
import { Bulkhead } from './bulkhead';
import { gateCredentialsPost } from './sign-in-gate';

const post = (path: string) => new Request(`http://portal.example${path}`, { method: 'POST' });

describe('gateCredentialsPost: a burst of sign-ins is held, not handled all at once', () => {
  it('credentials sign-ins beyond the bulkhead are sent back to the login page as throttled, without being handled', async () => {
    let handled = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const gated = gateCredentialsPost(async () => {
      handled++;
      await held;
      return new Response(null, { status: 302, headers: { location: '/' } });
    }, new Bulkhead(1, 1));

    const first = gated(post('/api/auth/callback/credentials'));
    const queued = gated(post('/api/auth/callback/credentials'));
    const turnedAway = await gated(post('/api/auth/callback/credentials'));
    expect(turnedAway.status).toBe(302);
    expect(turnedAway.headers.get('location')).toBe('/login?error=CredentialsSignin&code=throttled');
    expect(handled).toBe(1);

    release();
    expect((await first).headers.get('location')).toBe('/');
    expect((await queued).headers.get('location')).toBe('/');
    expect(handled).toBe(2);
  });

  it("Auth.js's other POSTs (sign-out) pass while the sign-ins' bulkhead is full", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const gated = gateCredentialsPost(async (request) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/callback/credentials')) await held;
      return new Response(path);
    }, new Bulkhead(1, 0));

    const signingIn = gated(post('/api/auth/callback/credentials'));
    expect((await gated(post('/api/auth/callback/credentials'))).status).toBe(302);
    expect(await (await gated(post('/api/auth/signout'))).text()).toBe('/api/auth/signout');
    release();
    expect(await (await signingIn).text()).toBe('/api/auth/callback/credentials');
  });
});
