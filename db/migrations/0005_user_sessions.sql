CREATE TABLE "user_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_user_id" uuid,
	"staff_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	CONSTRAINT "user_sessions_one_user" CHECK (("user_sessions"."customer_user_id" IS NULL) <> ("user_sessions"."staff_user_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_customer_user_id_customer_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."customer_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_customer_user_idx" ON "user_sessions" USING btree ("customer_user_id") WHERE "user_sessions"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "user_sessions_staff_user_idx" ON "user_sessions" USING btree ("staff_user_id") WHERE "user_sessions"."ended_at" IS NULL;