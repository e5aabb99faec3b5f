ALTER TABLE "options" ADD COLUMN "port_id" uuid;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_port_id_options_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "options_port_idx" ON "options" USING btree ("port_id");--> statement-breakpoint
-- I-2 (revised): each NAPT add-on belongs to one public cloud port of its contract. Existing NAPT
-- rows go to their contract's earliest public cloud port that outlives them (not ended, and no last
-- day, or one no earlier than the NAPT's own), so no NAPT is put on a port whose pending
-- cancellation would end it; failing that (data the old rule should not have allowed), to a
-- running one before an ended one. Ties go by billing start (pending last), then by when ordered.
UPDATE "options" AS n
SET "port_id" = (
	SELECT p."id" FROM "options" AS p
	WHERE p."contract_id" = n."contract_id"
		AND p."kind" = 'cloud_port'
		AND p."attributes"->>'cloudType' IN ('A_PUBLIC', 'M_PUBLIC', 'M2_PUBLIC')
	ORDER BY
		NOT (p."status" <> 'ended' AND (p."ends_on" IS NULL OR (n."ends_on" IS NOT NULL AND p."ends_on" >= n."ends_on"))),
		(p."status" = 'ended'),
		p."billing_start_date" NULLS LAST, p."created_at", p."id"
	LIMIT 1
)
WHERE n."kind" = 'napt' AND n."port_id" IS NULL;
--> statement-breakpoint
-- A NAPT whose contract has no public cloud port cannot be placed: it keeps no port and is named
-- here; the portal also logs every such row at startup (lib/startup.ts) until an operator resolves it.
DO $$
DECLARE
	unplaced text;
BEGIN
	SELECT string_agg("code", ', ' ORDER BY "code") INTO unplaced FROM "options" WHERE "kind" = 'napt' AND "port_id" IS NULL;
	IF unplaced IS NOT NULL THEN
		RAISE WARNING 'NAPT add-ons with no public cloud port to be assigned to: %', unplaced;
	END IF;
END $$;
