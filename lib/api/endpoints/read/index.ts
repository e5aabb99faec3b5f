// The API's reads: lists (by cursor, newest first) and single resources of the key's customer.
// Every query is filtered by the actor's customer id; another customer's id, like a malformed or
// missing one, is a 404. What the portal's pages show comes from the pages' own queries
// (lib/contracts, lib/billing, lib/sla); only the paged lists have queries of their own here.
import type { Endpoint } from '../../endpoint';
import { cancellationEndpoints } from './cancellations';
import { closedNetworkEndpoints } from './closed-networks';
import { contractEndpoints } from './contracts';
import { requestEndpoints } from './requests';
import { slaEndpoints } from './sla';
import { statementEndpoints } from './statements';

export const readEndpoints: Endpoint[] = [
  ...closedNetworkEndpoints,
  ...contractEndpoints,
  ...requestEndpoints,
  ...cancellationEndpoints,
  ...statementEndpoints,
  ...slaEndpoints,
];
