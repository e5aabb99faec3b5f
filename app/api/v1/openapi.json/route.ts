import { openApiDocument } from '@/lib/api/openapi';

// The public API's OpenAPI 3.1 document, generated from the endpoints' schemas (lib/api/openapi.ts).
// Public: no key is needed to read what the API is. Cacheable for a few minutes.
export function GET() {
  return new Response(JSON.stringify(openApiDocument()), {
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
  });
}
