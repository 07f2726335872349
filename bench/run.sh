#!/usr/bin/env bash
# The benchmark: the service built in Release with its handler code generated ahead of time (as the container
# image runs it), then seeded, measured and printed as one table.
#   bench/run.sh [small|medium|large] [--reuse] [--only TEXT[|TEXT…]] [--seconds N] [--connection "Host=…"]
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
# Published ReadyToRun as the container image is: the cold start is the image's, not the JIT's.
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
service=.governance/bench-service
rm -rf "$service"
dotnet publish src/Governance -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$service" -v quiet -nologo >/dev/null
export GOVERNANCE_BENCH_SERVICE_DLL="$PWD/$service/Governance.dll"
dotnet build bench/Governance.Bench -c Release -v quiet -nologo >/dev/null
dotnet run -c Release --no-build --project bench/Governance.Bench -- --scale "$scale" --code Static "$@"
