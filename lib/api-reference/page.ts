// The API reference page: Swagger UI (swagger-ui-dist, served from our own origin by
// app/api/v1/docs/[asset]) reading the generated document at /api/v1/openapi.json.
//
// Under the portal's Content-Security-Policy (lib/security-headers.ts): the page's scripts carry
// the request's nonce (the proxy passes it as x-nonce), and its one stylesheet is a file from
// this origin ('self'), so neither inline scripts nor inline styles are allowed for it. Swagger UI
// sets element styles through the DOM (React's style property), which the policy does not govern.
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locale';
import { API_REFERENCE_PATH, OPENAPI_PATH } from '@/lib/api/openapi';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's HTML for one request: its scripts carry `nonce` (none when no policy is in force). */
export async function referencePageHtml(locale: Locale, nonce: string | null): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'apiReference' });
  const nonceAttr = nonce && /^[A-Za-z0-9+/=]+$/.test(nonce) ? ` nonce="${nonce}"` : '';
  const config = {
    url: OPENAPI_PATH,
    dom_id: '#api-reference',
    deepLinking: true,
    // The document is ours: no call to an outside validator.
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    persistAuthorization: false,
    tryItOutEnabled: false,
  };
  // JSON inside a script: `<` escaped so no text can close the element.
  const init = `window.ui = SwaggerUIBundle(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}</title>
<link rel="stylesheet" href="${API_REFERENCE_PATH}/swagger-ui.css">
</head>
<body>
<noscript><p>${escapeHtml(t('noscript'))} <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a></p></noscript>
<main id="api-reference" lang="en" aria-label="${escapeHtml(t('title'))}"></main>
<script${nonceAttr} src="${API_REFERENCE_PATH}/swagger-ui-bundle.js"></script>
<script${nonceAttr}>${init}</script>
</body>
</html>
`;
}
