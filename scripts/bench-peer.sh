#!/usr/bin/env bash
# The hand-written alternative the benchmark compares with: a `run:` step with curl and jq,
# doing the same calls as the action (token, lookup, create or update, explore).
# Reads: IMS_URL FLOW_URL CLIENT_ID ORG_ID SANDBOX NAME SPEC_ID AK SK, CLIENT_SECRET or
# ACCESS_TOKEN, MODE (upsert|create), VERIFY (true|false). Prints: <operation> <id> <etag>.
set -euo pipefail

if [ -n "${CLIENT_SECRET:-}" ]; then
  ACCESS_TOKEN=$(curl -sS --fail-with-body -X POST "$IMS_URL/ims/token/v3" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" \
    --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode "scope=openid,AdobeID" | jq -r .access_token)
fi

headers=(-H "Authorization: Bearer $ACCESS_TOKEN" -H "x-api-key: $CLIENT_ID" -H "x-gw-ims-org-id: $ORG_ID" -H "x-sandbox-name: $SANDBOX")
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
