#!/usr/bin/env bash
# Two Governance nodes behind Caddy on this machine, for trying the cluster out (README, "Several nodes"):
#   dotnet build src/Governance && deploy/two-nodes.sh
# serves http://127.0.0.1:5080, spread over nodes on 5081 and 5082, both on the local PostgreSQL that the first one
# starts (or GOVERNANCE_DB). Ctrl-C stops all three. Kill one node (its pid is printed) and the other carries on; when
# the first one is killed, the local PostgreSQL it started outlives it (the next start reuses it; `pg_ctl stop -D
# .governance/postgres/data` stops it).
# Variables: GOVERNANCE_PORTS (default "5081 5082"), GOVERNANCE_LISTEN (default http://127.0.0.1:5080).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dll="$root/src/Governance/bin/Debug/net10.0/Governance.dll"
[[ -f $dll ]] || { echo "Build first: dotnet build src/Governance" >&2; exit 1; }
listen=${GOVERNANCE_LISTEN:-http://127.0.0.1:5080}
read -r -a ports <<< "${GOVERNANCE_PORTS:-5081 5082}"
export Distribution__PublicBaseUrl=${Distribution__PublicBaseUrl:-$listen}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
logs=$(mktemp -d)
pids=()

stop() {
  # The nodes first (the first one stops the local PostgreSQL it started), then the proxy.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Logs are in $logs"
}
trap stop EXIT INT TERM

ready() {
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/health/ready" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "Node on $1 stopped; its log:" >&2; tail -40 "$logs/node-$1.log" >&2; return 1; }
    sleep 0.5
  done
  echo "Node on $1 not ready in 2 minutes; its log is $logs/node-$1.log" >&2
  return 1
}

# One after the other: the first applies the schema and loads the reference data (in Development); the others find
# them there. In production the operator applies the schema once with db-apply and the nodes may start together.
for port in "${ports[@]}"; do
  (cd "$root/src/Governance" && exec dotnet "$dll" --urls "http://127.0.0.1:$port") > "$logs/node-$port.log" 2>&1 &
  pids+=($!)
  ready "$port" "$!"
  echo "node on http://127.0.0.1:$port ready (pid $!)"
done

nodes=$(printf '127.0.0.1:%s ' "${ports[@]}")
GOVERNANCE_LISTEN=$listen GOVERNANCE_NODES=${nodes% } caddy run --config "$root/deploy/Caddyfile.nodes" \
  --adapter caddyfile > "$logs/caddy.log" 2>&1 &
pids+=($!)
echo "$listen → ${nodes% } (logs in $logs; Ctrl-C stops everything)"
wait "${pids[-1]}"
