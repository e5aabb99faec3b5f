// The shared contract kernel: used by the customer flows (lib/contracts) and the back office
// (lib/backoffice) alike. Server code; client components import lib/contract/types.ts only.
export * from './idempotency';
export * from './lock';
export * from './payloads';
export * from './rows';
export * from './state';
export * from './transaction';
export type * from './types';
