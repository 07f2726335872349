-- Lets the service's own database role read and write the Governance tables, and nothing more: it gets no CREATE on
-- the database or its schemas, so it can change no schema. The tables belong to the owner role, which applies each
-- version's schema with `db-apply`. Run as the owner (or a superuser), in the governance database, once when it is
-- set up and again after a restore (which brings no grants):
--
--   psql -d governance -v owner=governance_owner -v service=governance_service -f deploy/grant-service-role.sql
--
-- Tables, sequences and schemas the owner creates later (a later db-apply) get the same rights by default.
\set ON_ERROR_STOP on

SELECT current_database() AS database \gset
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"service";

ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE ON SCHEMAS TO :"service";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"service";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"service";

-- What exists already.
SELECT format('GRANT USAGE ON SCHEMA %1$I TO %2$I;'
              ' GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1$I TO %2$I;'
              ' GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1$I TO %2$I;', nspname, :'service')
FROM pg_namespace WHERE nspname IN ('governance', 'wolverine') \gexec
