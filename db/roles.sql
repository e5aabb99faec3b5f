-- The portal's least-privilege role on PostgreSQL (README, "Deployment").
--
-- The schema is owned by the role that runs `npm run db:migrate`; the portal connects as another
-- role that owns no table, may read and write the portal's rows, may only add to the audit log
-- (never change, delete or truncate it, and as it owns no table it cannot disable the log's
-- append-only triggers), and may read the migration journal (to check the schema is current).
--
-- Once per cluster, as an administrator:
--   CREATE ROLE smarthub_app LOGIN PASSWORD '…';
-- After every `npm run db:migrate`, as the owner of the tables (it grants on the new ones too):
--   psql "$MIGRATION_DATABASE_URL" -v app_role=smarthub_app -f db/roles.sql
-- Then run the portal with DATABASE_URL=postgres://smarthub_app:…@host/db.
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM :"app_role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
GRANT USAGE ON SCHEMA drizzle TO :"app_role";
GRANT SELECT ON drizzle.__drizzle_migrations TO :"app_role";
