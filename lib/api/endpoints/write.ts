// The API's changes: each has a preview (POST …/preview: the review the form shows, nothing
// written) and a submit (POST, with an Idempotency-Key), both through the one write pipeline
// with the flow's own schema and service (lib/api/writes.ts). The JSON bodies here are the API's
// shape; they are mapped to the fields the flow's schema parses, so a change sent through the API
// and one sent through a form are judged by the same code.
import { z } from 'zod';
import { CLOUD_TYPES, OPTION_KINDS, PREMISES_LINES } from '@/lib/rules';
import { flows } from '@/lib/contracts/flows';
import { updateCloudInfo } from '@/lib/contracts/cloud-info';
import { cloudInfoSchema, withdrawCancellationSchema, withdrawSchema } from '@/lib/contracts/schemas';
import { withdrawApplication, withdrawCancellation } from '@/lib/contracts/withdraw';
import { endpoint, type Endpoint } from '../endpoint';
import { cancellationPreviewSchema, changePreviewSchema, orderPreviewSchema } from '../preview-schemas';
import { previewChange, submitChange, type ApiChange, type Submitted } from '../writes';

const V1 = '/api/v1';

const order = z
  .object({
    kind: z.enum(OPTION_KINDS as [string, ...string[]]).meta({ description: 'The option kind' }),
    line: z.enum(PREMISES_LINES as [string, ...string[]]).optional().meta({ description: 'On-premises port: the access line' }),
    cloudType: z.enum(CLOUD_TYPES as [string, ...string[]]).optional().meta({ description: 'Cloud connection port: its type' }),
    speed: z.string().max(10).optional().meta({ description: 'Port interface or PBB bandwidth expansion size, e.g. 100M, 1G' }),
    sessions: z.number().int().min(0).max(999_999_999).optional().meta({ description: 'NAPT or firewall: sessions' }),
    naptSessions: z.array(z.number().int().min(0).max(999_999_999)).max(20).optional().meta({ description: 'A public cloud port: one NAPT session add-on per value, ordered with it (1 to 8)' }),
    portId: z.uuid().optional().meta({ description: "A NAPT add-on: the public cloud port it goes to" }),
    dataCentre: z.string().max(100).optional(),
    rack: z.string().max(50).optional(),
    cloudAccountId: z.string().max(100).optional(),
    cloudConnectionKey: z.string().max(200).optional(),
    conditions: z.array(z.string().max(40)).max(10).optional().meta({ description: 'Cloud connection port: the four condition codes confirmed (R-CLOUD-CONDITIONS)' }),
  })
  .meta({ id: 'OptionOrder', description: 'One option to order, as the application form takes it.' });
type Order = z.output<typeof order>;

/** An order in the fields the flow's schema parses (lib/contracts/schemas.ts orderFields). */
function orderFields(o: Order) {
  return {
    kind: o.kind,
    line: o.line,
    cloudType: o.cloudType,
    speed: o.speed,
    sessions: o.sessions === undefined ? undefined : String(o.sessions),
    naptSessions: (o.naptSessions ?? []).map(String),
    portId: o.portId,
    dataCentre: o.dataCentre,
    rack: o.rack,
    cloudAccountId: o.cloudAccountId,
    cloudConnectionKey: o.cloudConnectionKey,
    conditions: o.conditions ?? [],
  };
}

const submitted = z
  .object({
    id: z.uuid().meta({ description: 'The application, change request or cancellation made; the option, for an added option (the first one) and for cloud information' }),
    contractId: z.uuid(),
    kind: z.enum(['application', 'change_request', 'cancellation', 'option']),
    href: z.string().meta({ description: 'Where to read it' }),
  })
  .meta({ id: 'Submitted', description: 'What a submit made. The same Idempotency-Key and body answer this again.' });

const expectedAmounts = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .optional()
  .meta({ description: "The preview's amountsDigest: the submit is refused with 409 prices_changed when the amounts are no longer those" });

const requestedDate = z.iso.date().optional().meta({ description: 'The last day asked for (YYYY-MM-DD); absent: the earliest possible, 30 days after today' });

const id = z.uuid();

interface Pair<P extends z.ZodType, B extends z.ZodObject> {
  name: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  params: P;
  body: B;
  preview: z.ZodType;
  change: ApiChange<never, unknown>;
  input(params: z.output<P>, body: z.output<B>): unknown;
  made(outcome: { id: string; contractId: string }, params: z.output<P>): Submitted;
}

/** A change's preview (`<path>/preview`) and its submit (`<path>`). */
function previewAndSubmit<P extends z.ZodType, B extends z.ZodObject>(pair: Pair<P, B>): Endpoint[] {
  const submitBody = pair.body.extend({ expectedAmounts });
  const operationId = `submit${pair.name}`;
  return [
    endpoint({
      operationId: `preview${pair.name}`,
      method: 'post',
      path: `${pair.path}/preview`,
      tag: pair.tag,
      summary: `Preview: ${pair.summary}`,
      description: `${pair.description} Nothing is changed: the answer is the review the portal's form shows, with the digest of its amounts.`,
      access: 'write',
      params: pair.params,
      body: pair.body,
      response: z.object({ preview: pair.preview, amountsDigest: z.string() }).meta({ id: `${pair.name}Preview` }),
      problems: [404, 422],
      handle: (call) => previewChange(call, pair.change, pair.input(call.params as z.output<P>, call.body as z.output<B>)),
    }),
    endpoint({
      operationId,
      method: 'post',
      path: pair.path,
      tag: pair.tag,
      summary: pair.summary,
      description: `${pair.description} Send an Idempotency-Key: the same key and body answer the same again without a second change.`,
      access: 'write',
      params: pair.params,
      body: submitBody,
      idempotent: true,
      status: 201,
      response: submitted,
      problems: [404, 409, 422],
      handle: (call) => {
        const params = call.params as z.output<P>;
        const { expectedAmounts: digest, ...body } = call.body as z.output<typeof submitBody>;
        return submitChange(call, pair.change, pair.input(params, body as z.output<B>), { operationId, params, body }, digest as string | undefined, (o) => pair.made(o, params));
      },
    }),
  ];
}

const asChange = <I, P>(change: ApiChange<I, P>) => change as unknown as ApiChange<never, unknown>;
const application = (o: { id: string; contractId: string }): Submitted => ({ id: o.id, contractId: o.contractId, kind: 'application', href: `${V1}/applications/${o.id}` });
const cancellation = (o: { id: string; contractId: string }): Submitted => ({ id: o.id, contractId: o.contractId, kind: 'cancellation', href: `${V1}/cancellations/${o.id}` });

export const writeEndpoints: Endpoint[] = [
  ...previewAndSubmit({
    name: 'Application',
    path: '/contracts',
    tag: 'Contracts',
    summary: 'Apply for a new Smart HUB contract',
    description: 'A new contract on a closed network, with its first options (at least one port, R-PORT-REQUIRED).',
    params: z.object({}),
    body: z.object({ closedNetworkId: id, order }),
    preview: orderPreviewSchema,
    change: asChange({ name: 'apply', schema: flows.apply.schema, run: flows.apply.run }),
    input: (_, body) => ({ closedNetworkId: body.closedNetworkId, orders: orderFields(body.order) }),
    made: application,
  }),
  ...previewAndSubmit({
    name: 'AddOption',
    path: '/contracts/{contractId}/options',
    tag: 'Options',
    summary: 'Add an option to a contract',
    description: 'Ports and add-ons, as one application (a public cloud port with its NAPT session add-ons).',
    params: z.object({ contractId: id }),
    body: z.object({ order }),
    preview: orderPreviewSchema,
    change: asChange({ name: 'add', schema: flows.add.schema, run: flows.add.run }),
    input: (params, body) => ({ contractId: params.contractId, orders: orderFields(body.order) }),
    // As the form's confirm does: the first option applied for (its application is in /applications).
    made: (o) => ({ id: o.id, contractId: o.contractId, kind: 'option', href: `${V1}/options/${o.id}` }),
  }),
  ...previewAndSubmit({
    name: 'OptionChange',
    path: '/options/{optionId}/change',
    tag: 'Options',
    summary: "Change an option's item",
    description: 'An M2 public port interface upgrade (100M → 1G, Art. 4.4) or a PBB bandwidth expansion item change (Art. 4.5).',
    params: z.object({ optionId: id }),
    body: z.object({ to: z.string().min(1).max(10).meta({ description: 'The new interface or item, e.g. 1G' }) }),
    preview: changePreviewSchema,
    change: asChange({ name: 'change', schema: flows.change.schema, run: flows.change.run }),
    input: (params, body) => ({ optionId: params.optionId, to: body.to }),
    made: (o) => ({ id: o.id, contractId: o.contractId, kind: 'change_request', href: `${V1}/change-requests/${o.id}` }),
  }),
  ...previewAndSubmit({
    name: 'OptionCancellation',
    path: '/options/{optionId}/cancellation',
    tag: 'Cancellations',
    summary: 'Cancel an option',
    description: 'The effective date (R-EFFECTIVE-DATE), every option that ends with it, the early termination charge with its arithmetic (R-ETF) and the cheapest end date.',
    params: z.object({ optionId: id }),
    body: z.object({ requestedDate }),
    preview: cancellationPreviewSchema,
    change: asChange({ name: 'cancelOption', schema: flows.cancelOption.schema, run: flows.cancelOption.run }),
    input: (params, body) => ({ optionId: params.optionId, requestedDate: body.requestedDate }),
    made: cancellation,
  }),
  ...previewAndSubmit({
    name: 'ContractCancellation',
    path: '/contracts/{contractId}/cancellation',
    tag: 'Cancellations',
    summary: 'Cancel a whole contract',
    description: 'The contract and every option on it end on the effective date, with the early termination charge of each.',
    params: z.object({ contractId: id }),
    body: z.object({ requestedDate }),
    preview: cancellationPreviewSchema,
    change: asChange({ name: 'cancelContract', schema: flows.cancelContract.schema, run: flows.cancelContract.run }),
    input: (params, body) => ({ contractId: params.contractId, requestedDate: body.requestedDate }),
    made: cancellation,
  }),
  ...previewAndSubmit({
    name: 'ApplicationWithdrawal',
    path: '/applications/{applicationId}/withdrawal',
    tag: 'Applications',
    summary: 'Withdraw an application',
    description: 'An application not yet provisioned is withdrawn; nothing is billed for it.',
    params: z.object({ applicationId: id }),
    body: z.object({}),
    preview: z.null(),
    change: asChange({ name: 'withdraw', schema: withdrawSchema, run: (db, actor, input, ctx) => withdrawApplication(db, actor, input, ctx) }),
    input: (params) => ({ kind: 'application', id: params.applicationId }),
    made: application,
  }),
  ...previewAndSubmit({
    name: 'ChangeRequestWithdrawal',
    path: '/change-requests/{changeRequestId}/withdrawal',
    tag: 'Change requests',
    summary: 'Withdraw a change request',
    description: 'A change request not yet completed is withdrawn.',
    params: z.object({ changeRequestId: id }),
    body: z.object({}),
    preview: z.null(),
    change: asChange({ name: 'withdrawChange', schema: withdrawSchema, run: (db, actor, input, ctx) => withdrawApplication(db, actor, input, ctx) }),
    input: (params) => ({ kind: 'change', id: params.changeRequestId }),
    made: (o) => ({ id: o.id, contractId: o.contractId, kind: 'change_request', href: `${V1}/change-requests/${o.id}` }),
  }),
  ...previewAndSubmit({
    name: 'CancellationWithdrawal',
    path: '/cancellations/{cancellationId}/withdrawal',
    tag: 'Cancellations',
    summary: 'Withdraw a cancellation',
    description: 'A cancellation notice before its effective date is withdrawn: every end date it set goes back.',
    params: z.object({ cancellationId: id }),
    body: z.object({}),
    preview: z.null(),
    change: asChange({ name: 'withdrawCancellation', schema: withdrawCancellationSchema, run: (db, actor, input, ctx) => withdrawCancellation(db, actor, input, ctx) }),
    input: (params) => ({ noticeId: params.cancellationId }),
    made: cancellation,
  }),
  ...previewAndSubmit({
    name: 'CloudInformation',
    path: '/options/{optionId}/cloud-information',
    tag: 'Options',
    summary: "Update a cloud connection port's cloud information",
    description: 'The cloud account or subscription ID and the connection key IIJ needs (Art. 4.3).',
    params: z.object({ optionId: id }),
    body: z.object({ cloudAccountId: z.string().min(1).max(100), cloudConnectionKey: z.string().min(1).max(200) }),
    preview: z.null(),
    change: asChange({ name: 'cloudInfo', schema: cloudInfoSchema, run: (db, actor, input, ctx) => updateCloudInfo(db, actor, input, ctx) }),
    input: (params, body) => ({ optionId: params.optionId, ...body }),
    made: (o) => ({ id: o.id, contractId: o.contractId, kind: 'option', href: `${V1}/options/${o.id}` }),
  }),
];
