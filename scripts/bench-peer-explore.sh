#!/usr/bin/env bash
# The hand-written alternative to the explore action: curl and jq listing a folder, then
# previewing a file, one call after another. Reads: IMS_URL FLOW_URL CLIENT_ID ORG_ID SANDBOX,
# CLIENT_SECRET or ACCESS_TOKEN, CONNECTION_ID, FOLDER, FILE (empty: no preview).
set -euo pipefail

# shellcheck source=scripts/bench-peer-token.sh
source "$(dirname "$0")/bench-peer-token.sh"

curl -sS --fail-with-body -G "$FLOW_URL/connections/$CONNECTION_ID/explore" "${headers[@]}" \
  --data-urlencode objectType=folder --data-urlencode "object=$FOLDER" | jq -c 'map({type: (.type | ascii_downcase), name, path})'
if [ -n "$FILE" ]; then
  curl -sS --fail-with-body -G "$FLOW_URL/connections/$CONNECTION_ID/explore" "${headers[@]}" \
    --data-urlencode objectType=file --data-urlencode "object=$FILE" --data-urlencode fileType=delimited \
    --data-urlencode preview=true --data-urlencode columnDelimiter=, | jq -c '.schema.columns'
fi
