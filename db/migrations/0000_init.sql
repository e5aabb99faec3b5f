CREATE TYPE "public"."actor_type" AS ENUM('customer_user', 'staff_user', 'system');--> statement-breakpoint
CREATE TYPE "public"."cancellation_status" AS ENUM('pending', 'withdrawn', 'effective');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."customer_role" AS ENUM('admin', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."impersonation_mode" AS ENUM('view', 'act');--> statement-breakpoint
CREATE TYPE "public"."option_kind" AS ENUM('onprem_port', 'cloud_port', 'napt', 'pbb_expansion', 'firewall', 'static_nat');--> statement-breakpoint
CREATE TYPE "public"."pbb_status" AS ENUM('active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('submitted', 'accepted', 'completed', 'withdrawn', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."service_status" AS ENUM('applied', 'accepted', 'active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('support', 'operator');--> statement-breakpoint
CREATE TABLE "customer_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "customer_role" NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "closed_networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"pbb_contract_id" uuid NOT NULL,
	"network_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closed_networks_network_code_unique" UNIQUE("network_code")
);
--> statement-breakpoint
CREATE TABLE "options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "option_kind" NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "service_status" DEFAULT 'applied' NOT NULL,
	"billing_start_date" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "options_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "pbb_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_number" text NOT NULL,
	"status" "pbb_status" DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pbb_contracts_contract_number_unique" UNIQUE("contract_number")
);
--> statement-breakpoint
CREATE TABLE "smarthub_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"closed_network_id" uuid NOT NULL,
	"contract_number" text NOT NULL,
	"status" "service_status" DEFAULT 'applied' NOT NULL,
	"billing_start_date" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smarthub_contracts_closed_network_id_unique" UNIQUE("closed_network_id"),
	CONSTRAINT "smarthub_contracts_contract_number_unique" UNIQUE("contract_number")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"closed_network_id" uuid NOT NULL,
	"contract_id" uuid,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "request_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_staff" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cancellation_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"option_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"requested_date" date,
	"effective_date" date NOT NULL,
	"status" "cancellation_status" DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_staff" uuid,
	"withdrawn_at" timestamp with time zone,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"option_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "request_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_staff" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"item" text DEFAULT '' NOT NULL,
	"customer_id" uuid,
	"initial_yen" integer DEFAULT 0 NOT NULL,
	"monthly_yen" integer DEFAULT 0 NOT NULL,
	"one_time_yen" integer DEFAULT 0 NOT NULL,
	"applies_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "credit_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"outage_id" uuid NOT NULL,
	"status" "claim_status" DEFAULT 'submitted' NOT NULL,
	"amount_yen" integer NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" uuid NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"detected_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"exclusion_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" uuid,
	"customer_id" uuid,
	"impersonation_session_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "impersonation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ticket" text NOT NULL,
	"mode" "impersonation_mode" DEFAULT 'view' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_users" ADD CONSTRAINT "customer_users_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_networks" ADD CONSTRAINT "closed_networks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_networks" ADD CONSTRAINT "closed_networks_pbb_contract_id_pbb_contracts_id_fk" FOREIGN KEY ("pbb_contract_id") REFERENCES "public"."pbb_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_contract_id_smarthub_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."smarthub_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbb_contracts" ADD CONSTRAINT "pbb_contracts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smarthub_contracts" ADD CONSTRAINT "smarthub_contracts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smarthub_contracts" ADD CONSTRAINT "smarthub_contracts_closed_network_id_closed_networks_id_fk" FOREIGN KEY ("closed_network_id") REFERENCES "public"."closed_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_closed_network_id_closed_networks_id_fk" FOREIGN KEY ("closed_network_id") REFERENCES "public"."closed_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_contract_id_smarthub_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."smarthub_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_notices" ADD CONSTRAINT "cancellation_notices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_notices" ADD CONSTRAINT "cancellation_notices_contract_id_smarthub_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."smarthub_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_notices" ADD CONSTRAINT "cancellation_notices_option_id_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_option_id_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_contract_id_smarthub_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."smarthub_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_contract_id_smarthub_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."smarthub_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impersonation_sessions" ADD CONSTRAINT "impersonation_sessions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impersonation_sessions" ADD CONSTRAINT "impersonation_sessions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_users_customer_idx" ON "customer_users" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "closed_networks_customer_idx" ON "closed_networks" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "options_contract_idx" ON "options" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "options_customer_idx" ON "options" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "pbb_contracts_customer_idx" ON "pbb_contracts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "smarthub_contracts_customer_idx" ON "smarthub_contracts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "applications_customer_idx" ON "applications" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_idempotency_idx" ON "applications" USING btree ("customer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "cancellation_notices_customer_idx" ON "cancellation_notices" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cancellation_notices_idempotency_idx" ON "cancellation_notices" USING btree ("customer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "change_requests_customer_idx" ON "change_requests" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_idempotency_idx" ON "change_requests" USING btree ("customer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "prices_lookup_idx" ON "prices" USING btree ("kind","item","applies_from");--> statement-breakpoint
CREATE INDEX "credit_claims_customer_idx" ON "credit_claims" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "outages_customer_idx" ON "outages" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "audit_log_customer_idx" ON "audit_log" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "impersonation_sessions_staff_idx" ON "impersonation_sessions" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");