#!/usr/bin/env bash
# The benchmark: the service built in Release with its handler code generated ahead of time (as the container
# image runs it), then seeded, measured and printed as one table.
#   bench/run.sh [small|medium|large] [--reuse] [--connection "Host=…"]
# small is CI's smoke test; --reuse measures again on the store an earlier run of that scale seeded.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scale=${1:-small}
shift || true
generated=src/Governance/Internal/Generated
# Generated files would otherwise be compiled into later development builds.
trap 'rm -rf "$generated"' EXIT
rm -rf "$generated"
dotnet build src/Governance -c Release -v quiet -nologo >/dev/null
(cd src/Governance && dotnet run -c Release --no-build -- codegen write >/dev/null)
dotnet build bench/Governance.Bench -c Release -v quiet -nologo >/dev/null
dotnet run -c Release --no-build --project bench/Governance.Bench -- --scale "$scale" --code Static "$@"
