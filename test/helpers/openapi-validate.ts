// expectMatchesSpec over the document lib/api/openapi.ts builds (the Vitest side; the browser
// tests give test/helpers/openapi-check.ts the server's own /api/v1/openapi.json).
import { openApiDocument } from '@/lib/api/openapi';
import { setSpecDocument } from './openapi-check';

setSpecDocument(openApiDocument);

export { expectMatchesSpec, type SpecAnswer } from './openapi-check';
