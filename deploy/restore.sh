#!/usr/bin/env bash
# Restores a backup made by backup.sh into a new, empty database, then checks that its schema is the one the service
# expects (`db-assert`).
#
#   deploy/restore.sh <governance-….dump> [postgresql://admin@host:port/postgres]
#
# The server is the second argument (a libpq URL to a database there that the role can connect to, usually postgres)
# or libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGSSLMODE, ...). The role must be allowed to
# create databases and be a member of the owner role.
#   GOVERNANCE_DATABASE  the database to create (default governance); the script refuses if it exists
#   GOVERNANCE_OWNER     the role that owns it and every restored object (default: the connecting role); the dump's
#                        owners and grants are not restored (--no-owner --no-privileges): grant the service's role
#                        its rights afterwards (deploy/grant-service-role.sql)
#   GOVERNANCE_CLI       how to run the service's commands for the check (default: dotnet Governance.dll, run in
#                        GOVERNANCE_APP_DIR, default the current folder); it runs with the service's configuration
#                        from the environment, its database pointed at the restored one
#   GOVERNANCE_SKIP_ASSERT=1  skips the check
#   PG_BIN               the folder of psql and pg_restore
set -euo pipefail

if [[ $# -lt 1 || ! -f $1 ]]; then
  echo "usage: $0 <backup file> [postgresql://admin@host:port/postgres]" >&2
  exit 2
fi
dump=$1
database=${GOVERNANCE_DATABASE:-governance}
bin=${PG_BIN:+$PG_BIN/}

# A URL is taken apart into libpq's variables, so that the same server can be reached with another database name.
if [[ -n ${2:-} ]]; then
  # shellcheck source=deploy/pg-url.sh
  . "$(dirname "$0")/pg-url.sh"
  export_pg_url "$2"
fi
maintenance=${PGDATABASE:-postgres}
login=$(PGDATABASE=$maintenance "${bin}psql" -XAtc 'select session_user')
owner=${GOVERNANCE_OWNER:-$login}

psql_on() { PGDATABASE=$1 "${bin}psql" -X -v ON_ERROR_STOP=1 -q "${@:2}"; }

if [[ -n $(psql_on "$maintenance" -Atc "select 1 from pg_database where datname = '${database//\'/\'\'}'") ]]; then
  echo "restore: the database $database exists already; restore into a new one (GOVERNANCE_DATABASE)" >&2
  exit 1
fi
psql_on "$maintenance" -v db="$database" -v owner="$owner" <<'SQL'
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
SQL

# One transaction: a restore that fails leaves the new database empty rather than half filled.
PGDATABASE=$database "${bin}pg_restore" --no-owner --no-privileges --role="$owner" --single-transaction \
  --exit-on-error --dbname="$database" "$dump"

events=$(psql_on "$database" -Atc 'select count(*) from governance.mt_events')
echo "restore: $database has $events events"

if [[ ${GOVERNANCE_SKIP_ASSERT:-} != 1 ]]; then
  npgsql() { local v=${1//\"/\"\"}; printf '"%s"' "$v"; }
  GOVERNANCE_DB="Host=$(npgsql "${PGHOST:-localhost}");Port=${PGPORT:-5432};Database=$(npgsql "$database")"
  GOVERNANCE_DB+=";Username=$(npgsql "$login")${PGPASSWORD:+;Password=$(npgsql "$PGPASSWORD")}"
  export GOVERNANCE_DB=$GOVERNANCE_DB${PGSSLMODE:+;SSL Mode=$PGSSLMODE}
  cd "${GOVERNANCE_APP_DIR:-.}"
  # shellcheck disable=SC2086 # the command is words, e.g. "dotnet Governance.dll"
  ${GOVERNANCE_CLI:-dotnet Governance.dll} db-assert
fi
echo "restore: done"
