ALTER TABLE "credit_claims" ADD COLUMN "kind" text DEFAULT 'availability' NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD COLUMN "billing_month" text;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_claims_outage_kind_idx" ON "credit_claims" USING btree ("outage_id","kind");