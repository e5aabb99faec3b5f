'use server';

// The operators' writes, every one through the one pipeline (lib/action.ts): guard
// (requireStaff('operator')) → zod → service (one transaction: lock, status transition / lib/rules,
// write + audit) → a refusal back to the form with what was typed, or the page with a notice.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { readForm, runAction } from '@/lib/action';
import type { StaffActor } from '@/lib/auth/access';
import { requireStaff } from '@/lib/auth/guard';
import { singleFields, type FormState } from '@/lib/form-state';
import type { Result } from '@/lib/result';
import { acceptApplication, completeApplication, rejectApplication } from './applications';
import { acceptChangeRequest, completeChangeRequest, rejectChangeRequest } from './change-requests';
import { decideClaim } from './claims';
import {
  addClosedNetwork,
  addCustomerPbbContract,
  createCustomer,
  deactivateCustomer,
  editCustomer,
  inviteFirstAdmin,
  reactivateCustomer,
} from './customers';
import type { OpCtx } from './outcome';
import { endPbbContract, recordPbbContract } from './pbb';
import { addPrice } from './prices';
import { correctOutage, endOutage, recordOutage } from './outages';
import { issueStatements } from './statements';
import {
  addCustomerPbbSchema,
  addNetworkSchema,
  createCustomerSchema,
  customerIdSchema,
  deactivateCustomerSchema,
  editCustomerSchema,
  inviteAdminSchema,
  addPriceSchema,
  approveClaimSchema,
  rejectClaimSchema,
  completeSchema,
  correctOutageSchema,
  decisionSchema,
  endOutageSchema,
  endPbbSchema,
  recordOutageSchema,
  recordPbbSchema,
  rejectSchema,
  issueStatementsSchema,
} from './schemas';

type Page = 'applications' | 'cancellations' | 'pbb' | 'prices' | 'outages' | 'claims' | 'statements';

async function operatorAction<S extends z.ZodType, R extends Result<object>>(
  formData: FormData,
  page: Page,
  schema: S,
  service: (db: Db, actor: StaffActor, input: z.output<S>, ctx: OpCtx) => Promise<R>,
  done: (result: Extract<R, { ok: true }>) => string,
): Promise<FormState> {
  const path = `/staff/operations/${page}`;
  return runAction(
    {
      scope: `backoffice.${page}`,
      guard: () => requireStaff('operator'),
      input: singleFields,
      schema: schema as z.ZodType<z.output<S>>,
      run: (db, actor, input, now) => service(db, actor, input, { now }),
      next: (result) => ({ redirect: `${path}?done=${done(result)}`, revalidate: path }),
    },
    readForm(formData),
  );
}

// ── applications queue ───────────────────────────────────────────────────────────────────────

export async function acceptAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(
    formData,
    'applications',
    decisionSchema,
    (db, actor, input, ctx) =>
      input.source === 'application'
        ? acceptApplication(db, actor, { applicationId: input.id }, ctx)
        : acceptChangeRequest(db, actor, { changeRequestId: input.id }, ctx),
    () => 'accepted',
  );
}

export async function rejectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(
    formData,
    'applications',
    rejectSchema,
    (db, actor, input, ctx) =>
      input.source === 'application'
        ? rejectApplication(db, actor, { applicationId: input.id, reason: input.reason }, ctx)
        : rejectChangeRequest(db, actor, { changeRequestId: input.id, reason: input.reason }, ctx),
    () => 'rejected',
  );
}

export async function completeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(
    formData,
    'applications',
    completeSchema,
    (db, actor, input, ctx) =>
      input.source === 'application'
        ? completeApplication(db, actor, { applicationId: input.id, billingStartDate: input.billingStartDate }, ctx)
        : completeChangeRequest(db, actor, { changeRequestId: input.id }, ctx),
    () => 'completed',
  );
}

// ── designated-service contracts ─────────────────────────────────────────────────────────────

export async function recordPbbAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(formData, 'pbb', recordPbbSchema, recordPbbContract, () => 'pbb_recorded');
}

export async function endPbbAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(formData, 'pbb', endPbbSchema, endPbbContract, (result) =>
    'lastEnded' in result && result.lastEnded ? 'pbb_ended_hubs' : 'pbb_ended',
  );
}

// ── price list ───────────────────────────────────────────────────────────────────────────────

export async function addPriceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(formData, 'prices', addPriceSchema, addPrice, () => 'price_added');
}

// ── outages ──────────────────────────────────────────────────────────────────────────────────

export async function recordOutageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(formData, 'outages', recordOutageSchema, recordOutage, () => 'outage_recorded');
}

export async function endOutageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(formData, 'outages', endOutageSchema, endOutage, () => 'outage_ended');
}

export async function correctOutageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(formData, 'outages', correctOutageSchema, correctOutage, () => 'outage_corrected');
}

// ── SLA credit claims ────────────────────────────────────────────────────────────────────────

export async function approveClaimAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(
    formData,
    'claims',
    approveClaimSchema,
    (db, actor, input, ctx) => decideClaim(db, actor, { claimId: input.claimId, decision: 'approve', billingMonth: input.billingMonth }, ctx),
    () => 'claim_approved',
  );
}

export async function rejectClaimAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return operatorAction(
    formData,
    'claims',
    rejectClaimSchema,
    (db, actor, input, ctx) => decideClaim(db, actor, { claimId: input.claimId, decision: 'reject', reason: input.reason }, ctx),
    () => 'claim_rejected',
  );
}

// ── issued statements ────────────────────────────────────────────────────────────────────────

export async function issueStatementsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Back to the month just issued, so the page shows what is now issued.
  return operatorAction(formData, 'statements', issueStatementsSchema, issueStatements, (result) => `statements_issued&month=${result.month}`);
}

// ── customers (onboarding) ───────────────────────────────────────────────────────────────────

/** A write on one customer: back to that customer's page with a notice. */
async function customerAction<S extends z.ZodType, R extends Result<object>>(
  formData: FormData,
  schema: S,
  service: (db: Db, actor: StaffActor, input: z.output<S>, ctx: OpCtx) => Promise<R>,
  done: string,
): Promise<FormState> {
  return runAction(
    {
      scope: 'backoffice.customers',
      guard: () => requireStaff('operator'),
      input: singleFields,
      schema: schema as z.ZodType<z.output<S>>,
      run: (db, actor, input, now) => service(db, actor, input, { now }),
      next: (_result, input) => {
        const path = `/staff/operations/customers/${(input as { customerId: string }).customerId}`;
        return { redirect: `${path}?done=${done}`, revalidate: '/staff/operations/customers' };
      },
    },
    readForm(formData),
  );
}

export async function createCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'backoffice.customers',
      guard: () => requireStaff('operator'),
      input: singleFields,
      schema: createCustomerSchema,
      run: (db, actor, input, now) => createCustomer(db, actor, input, { now }),
      next: (result) => ({ redirect: `/staff/operations/customers/${result.id}?done=customer_created`, revalidate: '/staff/operations/customers' }),
    },
    readForm(formData),
  );
}

export async function editCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return customerAction(formData, editCustomerSchema, editCustomer, 'customer_edited');
}

export async function deactivateCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return customerAction(formData, deactivateCustomerSchema, deactivateCustomer, 'customer_deactivated');
}

export async function reactivateCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return customerAction(formData, customerIdSchema, reactivateCustomer, 'customer_reactivated');
}

export async function addCustomerPbbAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return customerAction(formData, addCustomerPbbSchema, addCustomerPbbContract, 'customer_pbb_added');
}

export async function addNetworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return customerAction(formData, addNetworkSchema, addClosedNetwork, 'network_added');
}

export async function inviteAdminAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return customerAction(formData, inviteAdminSchema, inviteFirstAdmin, 'admin_invited');
}
