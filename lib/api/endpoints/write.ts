// The API's changes: each flow's preview (the review the form shows, nothing written) and submit
// (with an Idempotency-Key), through the one write pipeline (lib/api/writes.ts).
import type { Endpoint } from '../endpoint';

export const writeEndpoints: Endpoint[] = [];
