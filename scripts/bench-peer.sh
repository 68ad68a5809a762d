#!/usr/bin/env bash
# The hand-written alternative the benchmark compares with: a `run:` step with curl and jq,
# doing the same calls as the action (token, lookup, create or update, explore).
# Reads: IMS_URL FLOW_URL CLIENT_ID ORG_ID SANDBOX NAME SPEC_ID AK SK, CLIENT_SECRET or
# ACCESS_TOKEN, MODE (upsert|create), VERIFY (true|false). Prints: <operation> <id> <etag>.
set -euo pipefail

# shellcheck source=scripts/bench-peer-token.sh
source "$(dirname "$0")/bench-peer-token.sh"
params=$(jq -nc --arg ak "$AK" --arg sk "$SK" '{s3AccessKey: $ak, s3SecretKey: $sk}')

found=$(curl -sS --fail-with-body -G "$FLOW_URL/connections" "${headers[@]}" \
  --data-urlencode "property=name==$NAME" --data-urlencode "property=connectionSpec.id==$SPEC_ID" |
  jq -r --arg name "$NAME" '[.items[] | select(.name == $name)] | if length == 1 then "\(.[0].id) \(.[0].etag)" else "" end')

if [ -n "$found" ] && [ "$MODE" = upsert ]; then
  read -r id etag <<<"$found"
  etag=$(curl -sS --fail-with-body -X PATCH "$FLOW_URL/connections/$id" "${headers[@]}" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' -d "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":$params}]" | jq -r .etag)
  operation=updated
else
  body=$(jq -nc --arg name "$NAME" --arg spec "$SPEC_ID" --argjson params "$params" \
    '{name: $name, description: "benchmark", auth: {specName: "Access Key", params: $params}, connectionSpec: {id: $spec, version: "1.0"}}')
  read -r id etag < <(curl -sS --fail-with-body -X POST "$FLOW_URL/connections" "${headers[@]}" \
    -H 'Content-Type: application/json' -d "$body" | jq -r '"\(.id) \(.etag)"')
  operation=created
fi

if [ "${VERIFY:-false}" = true ]; then
  curl -sS --fail-with-body "$FLOW_URL/connections/$id/explore?objectType=root" "${headers[@]}" | jq length >/dev/null
fi
echo "$operation $id $etag"
