import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // Messages are compiled at build time (ICU → a compact form), so the browser gets a small
  // formatter instead of the ICU parser (intl-messageformat, ≈ 8 kB gzipped on every form page).
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained folder for deployments (.next/standalone; README, "Deployment"), served by
  // scripts/server.mjs, which `npm run build` copies into it.
  output: 'standalone',
  // PGlite ships wasm and data files that must be loaded from node_modules, not bundled;
  // argon2 is a native addon;
  // pdfkit reads its font metrics from its own data files at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit'],
  poweredByHeader: false,
  // The API reference page's script and stylesheet are read from swagger-ui-dist at run time
  // (lib/api-reference/assets.ts) by a computed path, which the tracer follows only by guessing
  // (today it copies the whole folder): named here, they are in the standalone folder whatever it guesses.
  outputFileTracingIncludes: {
    '/api/v1/docs/[asset]': ['./node_modules/swagger-ui-dist/swagger-ui-bundle.js', './node_modules/swagger-ui-dist/swagger-ui.css'],
  },
  experimental: { authInterrupts: true },
  // An order of a kind with client code of its own has a page of its own, under the same URL:
  // Turbopack puts every client component a page imports into one chunk, so one page for every
  // kind sent every kind's fields to the browser (components/contract/order-pages.tsx).
  async rewrites() {
    const kind = (value) => [{ type: 'query', key: 'kind', value }];
    return {
      beforeFiles: [
        { source: '/contracts/:id/options/new', has: kind('cloud_port'), destination: '/contracts/:id/options/new/cloud-port' },
        { source: '/contracts/:id/options/new', has: kind('napt'), destination: '/contracts/:id/options/new/napt' },
        { source: '/networks/:id/apply', has: kind('cloud_port'), destination: '/networks/:id/apply/cloud-port' },
      ],
    };
  },
  // The headers that are the same on every answer, the proxy's own answers (redirects, 404, 413)
  // and the built files included; the Content-Security-Policy, with its per-request nonce, comes
  // from proxy.ts (lib/security-headers.ts). HSTS only in a production build: a browser ignores it
  // over http, and a developer's localhost should not be pinned to https.
  async headers() {
    const production = process.env.NODE_ENV === 'production';
    // No page of the portal uses any of these; an injected frame or script cannot ask for them.
    const denied = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'hid', 'midi', 'magnetometer', 'gyroscope', 'accelerometer', 'display-capture', 'browsing-topics'];
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: denied.map((feature) => `${feature}=()`).join(', ') },
          ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
