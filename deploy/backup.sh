#!/usr/bin/env bash
# Backs up the Governance database: the event store and read models (schema governance) and the durable messages
# (schema wolverine), in pg_dump's custom format, to a timestamped file. Safe while the service runs: pg_dump reads
# one consistent snapshot.
#
#   deploy/backup.sh [postgresql://user@host:port/governance] [folder]
#
# The connection is the first argument (a libpq URL or connection string) or DATABASE_URL, otherwise libpq's own
# variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or ~/.pgpass, PGSSLMODE, ...; PGDATABASE defaults to
# governance). The folder is the second argument or BACKUP_DIR (default: the current folder). PG_BIN may name the
# folder of pg_dump (its major version must be the server's or newer). Prints the file's path; exits non-zero, and
# leaves no file behind, when anything fails.
set -euo pipefail

connection=${1:-${DATABASE_URL:-}}
folder=${2:-${BACKUP_DIR:-.}}
pg_dump=${PG_BIN:+$PG_BIN/}pg_dump

if [[ -z $connection ]]; then
  export PGDATABASE=${PGDATABASE:-governance}
  target=()
else
  target=(--dbname="$connection")
fi

mkdir -p "$folder"
file="$folder/governance-$(date -u +%Y%m%dT%H%M%SZ).dump"
if [[ -e $file ]]; then
  echo "backup: $file exists already" >&2
  exit 1
fi
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

"$pg_dump" "${target[@]}" --format=custom --schema=governance --schema=wolverine --file="$partial"
# A dump that cannot be listed back is no backup.
"${PG_BIN:+$PG_BIN/}pg_restore" --list "$partial" >/dev/null
mv "$partial" "$file"
echo "$file"
