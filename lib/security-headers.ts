// The Content-Security-Policy of every answer that passes through proxy.ts, with a fresh nonce per
// request: Next reads the nonce from the request's own CSP header and puts it on every script it
// renders, so no inline script runs without it. The headers that never change (HSTS,
// Permissions-Policy, COOP, nosniff, framing) are set in next.config.mjs headers(), which also
// reach the proxy's own answers and the built files.

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy of one answer. Scripts run only with this answer's nonce ('strict-dynamic' lets them
 * load Next's chunks); no plugin, no <base>, forms post only here, no framing. `next dev`
 * evaluates its modules with eval() and styles its error overlay inline: it alone gets
 * 'unsafe-eval' and inline styles.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of one request: passed on to Next with the request (for the nonce), and sent with the answer. */
export function securityHeaders() {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce);
  return {
    nonce,
    /** Passes the nonce on to the app: Next reads it from the request's CSP header. */
    forward(requestHeaders: Headers): Headers {
      requestHeaders.set('content-security-policy', policy);
      requestHeaders.set('x-nonce', nonce);
      return requestHeaders;
    },
    /** Sets the policy on an answer; returns it. */
    apply<R extends { headers: Headers }>(response: R): R {
      response.headers.set('Content-Security-Policy', policy);
      return response;
    },
  };
}
