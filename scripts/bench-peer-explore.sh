#!/usr/bin/env bash
# The hand-written alternative to the explore action: curl and jq listing a folder, then
# previewing a file, one call after another. Reads: IMS_URL FLOW_URL CLIENT_ID ORG_ID SANDBOX,
# CLIENT_SECRET or ACCESS_TOKEN, CONNECTION_ID, FOLDER, FILE (empty: no preview).
set -euo pipefail

if [ -n "${CLIENT_SECRET:-}" ]; then
  ACCESS_TOKEN=$(curl -sS --fail-with-body -X POST "$IMS_URL/ims/token/v3" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" \
    --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode "scope=openid,AdobeID" | jq -r .access_token)
fi
headers=(-H "Authorization: Bearer $ACCESS_TOKEN" -H "x-api-key: $CLIENT_ID" -H "x-gw-ims-org-id: $ORG_ID" -H "x-sandbox-name: $SANDBOX")

curl -sS --fail-with-body -G "$FLOW_URL/connections/$CONNECTION_ID/explore" "${headers[@]}" \
  --data-urlencode objectType=folder --data-urlencode "object=$FOLDER" | jq -c 'map({type: (.type | ascii_downcase), name, path})'
if [ -n "$FILE" ]; then
  curl -sS --fail-with-body -G "$FLOW_URL/connections/$CONNECTION_ID/explore" "${headers[@]}" \
    --data-urlencode objectType=file --data-urlencode "object=$FILE" --data-urlencode fileType=delimited \
    --data-urlencode preview=true --data-urlencode columnDelimiter=, | jq -c '.schema.columns'
fi
