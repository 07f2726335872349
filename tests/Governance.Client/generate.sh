#!/usr/bin/env bash
# Regenerates the typed client from the committed contract. After the API changes:
#   GOVERNANCE_UPDATE_CONTRACT=1 dotnet test --filter OpenApiContractTests   (writes docs/openapi.json)
#   tests/Governance.Client/generate.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
dotnet kiota generate -l CSharp -d docs/openapi.json -c GovernanceClient -n Governance.Client \
  -o tests/Governance.Client/Generated --clean-output --log-level Warning
