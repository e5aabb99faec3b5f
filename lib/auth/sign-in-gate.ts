import { signInRequests, type Bulkhead } from './bulkhead';

/**
 * Auth.js's answer to a throttled credentials sign-in, given at once to one the bulkhead turns
 * away: back to the login page, which reads `code` and says "too many attempts". Relative, so it
 * is right behind any proxy.
 */
export function busySignInAnswer(): Response {
  return new Response(null, { status: 302, headers: { location: '/login?error=CredentialsSignin&code=throttled' } });
}

/**
 * Auth.js's POST handler with its credentials sign-in passed through the sign-in bulkhead
 * (lib/auth/bulkhead.ts); its other POSTs (sign-out) are not held.
 */
export function gateCredentialsPost<R extends Request>(post: (request: R) => Promise<Response>, gate: Bulkhead = signInRequests) {
  return async (request: R): Promise<Response> => {
    if (!new URL(request.url).pathname.endsWith('/callback/credentials')) return post(request);
    const answered = await gate.run(() => post(request));
    return answered.ok ? answered.value : busySignInAnswer();
  };
}
