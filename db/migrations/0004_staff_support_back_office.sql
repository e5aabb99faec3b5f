CREATE TABLE "support_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"granted_by" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid,
	"option_id" uuid,
	"kind" text NOT NULL,
	"amount_yen" integer NOT NULL,
	"owed_on" date NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_grants_customer_idx" ON "support_grants" USING btree ("customer_id","expires_at");--> statement-breakpoint
CREATE INDEX "charges_customer_idx" ON "charges" USING btree ("customer_id","owed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "charges_source_idx" ON "charges" USING btree ("source_type","source_id","kind");--> statement-breakpoint
CREATE INDEX "customer_users_email_search_idx" ON "customer_users" USING btree ("email" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_name_search_idx" ON "customers" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_code_search_idx" ON "customers" USING btree (lower("code") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "options_code_search_idx" ON "options" USING btree (lower("code") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "smarthub_contracts_number_search_idx" ON "smarthub_contracts" USING btree (lower("contract_number") text_pattern_ops);