// The type of next.config.mjs, for the test that reads its headers (test/security-headers.test.ts).
import type { NextConfig } from 'next';

declare const config: NextConfig;
export default config;
