CREATE TABLE "option_item_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"option_id" uuid NOT NULL,
	"change_request_id" uuid NOT NULL,
	"applies_from" date NOT NULL,
	"attributes_before" jsonb NOT NULL,
	"attributes_after" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" text NOT NULL,
	"statement" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"total_yen" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "option_item_changes" ADD CONSTRAINT "option_item_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "option_item_changes" ADD CONSTRAINT "option_item_changes_option_id_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_snapshots" ADD CONSTRAINT "statement_snapshots_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "option_item_changes_option_idx" ON "option_item_changes" USING btree ("customer_id","option_id","applies_from");--> statement-breakpoint
CREATE UNIQUE INDEX "option_item_changes_request_idx" ON "option_item_changes" USING btree ("change_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_snapshots_month_idx" ON "statement_snapshots" USING btree ("customer_id","month");--> statement-breakpoint
-- An issued statement is never edited or removed: the database itself refuses UPDATE and DELETE.
CREATE FUNCTION statement_snapshots_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'statement_snapshots rows are never edited or removed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statement_snapshots_no_update BEFORE UPDATE OR DELETE ON statement_snapshots
  FOR EACH ROW EXECUTE FUNCTION statement_snapshots_refuse_update();
