// Every endpoint of the public API, in the order the OpenAPI document lists them.
import type { Endpoint } from '../endpoint';
import { readEndpoints } from './read';
import { writeEndpoints } from './write';

export const apiEndpoints: readonly Endpoint[] = [...readEndpoints, ...writeEndpoints];
