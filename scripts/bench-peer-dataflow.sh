#!/usr/bin/env bash
# The hand-written alternative to the dataflow action: curl and jq making the same calls one
# after another. MODE=first checks, then builds the chain (dataset, lookup, base connection,
# the source folder's listing, schema, validate, preview of the file, source connection, target
# connection, mapping set, dataflow); MODE=rerun reads what exists (dataset, lookup, the
# dataflow's source and target connections and mapping set); MODE=release reads what exists as a
# re-run does, then reads the latest run, starts an on-demand run of what landed since its window
# ended, and reads that run until it ends (every 2 s, as the action looks).
# Reads: IMS_URL FLOW_URL PLATFORM_URL CLIENT_ID ORG_ID SANDBOX, CLIENT_SECRET or ACCESS_TOKEN,
# BASE_ID DATASET_ID NAME SOURCE_PATH MAPPING (a JSON file), MODE.
set -euo pipefail

# shellcheck source=scripts/bench-peer-token.sh
source "$(dirname "$0")/bench-peer-token.sh"
json=(-H 'Content-Type: application/json')
CATALOG="$PLATFORM_URL/data/foundation/catalog"
PREP="$PLATFORM_URL/data/foundation/conversion"
SCHEMA_VERSION='application/vnd.adobe.xed-full+json;version=1'

schema=$(curl -sS --fail-with-body "$CATALOG/dataSets/$DATASET_ID?properties=schemaRef,name" "${headers[@]}" | jq -r --arg id "$DATASET_ID" '.[$id].schemaRef.id')
flow=$(curl -sS --fail-with-body -G "$FLOW_URL/flows" "${headers[@]}" --data-urlencode "property=name==$NAME" \
  --data-urlencode "property=flowSpec.id==9753525b-82c7-4dce-8a9b-5ccfce2b9876" | jq -c --arg name "$NAME" '[.items[] | select(.name == $name)][0]')
mapping_set=$(jq -c --arg schema "$schema" --arg v "$SCHEMA_VERSION" \
  '{outputSchema: {schemaRef: {id: $schema, contentType: $v}}, mappings: map({sourceType: (.sourceType // "ATTRIBUTE"), source, destination})}' "$MAPPING")

if [ "$MODE" = release ]; then
  flow_id=$(jq -r .id <<<"$flow")
  curl -sS --fail-with-body "$PREP/mappingSets/$(jq -r '.transformations[0].params.mappingId' <<<"$flow")" "${headers[@]}" >/dev/null
  since=$(curl -sS --fail-with-body -G "$FLOW_URL/runs" "${headers[@]}" --data-urlencode "property=flowId==$flow_id" \
    --data-urlencode orderby=-createdAt --data-urlencode limit=1 |
    jq -r '.items[0] | (.params.windowEndTime // ((.metrics.durationSummary.startedAtUTC // .createdAt) / 1000 | ceil)) | tostring')
  now=$(date +%s)
  run_id=$(jq -nc --arg flow "$flow_id" --arg since "$since" --arg now "$now" \
    '{flowId: $flow, params: {startTime: $now, windowStartTime: $since, windowEndTime: $now}}' |
    curl -sS --fail-with-body -X POST "$FLOW_URL/runs" "${headers[@]}" "${json[@]}" -d @- | jq -r '.items[0].id // .id')
  while :; do
    status=$(curl -sS --fail-with-body "$FLOW_URL/runs/$run_id" "${headers[@]}" | jq -r '.items[0].metrics.statusSummary.status')
    case "$status" in success) break ;; failed) echo "run $run_id failed" >&2 && exit 1 ;; esac
    sleep 2
  done
  echo "ran $run_id"
  exit 0
fi

if [ "$MODE" = rerun ]; then
  curl -sS --fail-with-body "$FLOW_URL/sourceConnections/$(jq -r '.sourceConnectionIds[0]' <<<"$flow")" "${headers[@]}" >/dev/null
  curl -sS --fail-with-body "$FLOW_URL/targetConnections/$(jq -r '.targetConnectionIds[0]' <<<"$flow")" "${headers[@]}" >/dev/null
  curl -sS --fail-with-body "$PREP/mappingSets/$(jq -r '.transformations[0].params.mappingId' <<<"$flow")" "${headers[@]}" >/dev/null
  echo "reused $(jq -r .id <<<"$flow")"
  exit 0
fi

curl -sS --fail-with-body "$FLOW_URL/connections/$BASE_ID" "${headers[@]}" >/dev/null
curl -sS --fail-with-body -G "$FLOW_URL/connections/$BASE_ID/explore" "${headers[@]}" --data-urlencode objectType=folder \
  --data-urlencode "object=${SOURCE_PATH%/*}/" >/dev/null
curl -sS --fail-with-body -G "$PLATFORM_URL/data/foundation/schemaregistry/tenant/schemas/$(jq -rn --arg s "$schema" '$s|@uri')" \
  "${headers[@]}" -H "Accept: $SCHEMA_VERSION" >/dev/null
curl -sS --fail-with-body -X POST "$PREP/mappingSets/validate" "${headers[@]}" "${json[@]}" -d "$mapping_set" |
  jq -e '[.validationResponse[] | select(.status == "FAILED")] | length == 0' >/dev/null
curl -sS --fail-with-body -G "$FLOW_URL/connections/$BASE_ID/explore" "${headers[@]}" --data-urlencode objectType=file \
  --data-urlencode "object=$SOURCE_PATH" --data-urlencode fileType=delimited --data-urlencode preview=true >/dev/null

source_id=$(jq -nc --arg name "$NAME: source" --arg base "$BASE_ID" --arg path "$SOURCE_PATH" \
  '{name: $name, description: "benchmark", baseConnectionId: $base, data: {format: "delimited", properties: {columnDelimiter: ",", encoding: "UTF-8"}},
    params: {path: $path, type: "file", recursive: false}, connectionSpec: {id: "ecadc60c-7455-4d87-84dc-2a0e293d997b", version: "1.0"}}' |
  curl -sS --fail-with-body -X POST "$FLOW_URL/sourceConnections" "${headers[@]}" "${json[@]}" -d @- | jq -r .id)
target_id=$(jq -nc --arg name "$NAME: target" --arg schema "$schema" --arg v "$SCHEMA_VERSION" --arg ds "$DATASET_ID" \
  '{name: $name, description: "benchmark", data: {schema: {id: $schema, version: $v}}, params: {dataSetId: $ds},
    connectionSpec: {id: "c604ff05-7f1a-43c0-8e18-33bf874cb11c", version: "1.0"}}' |
  curl -sS --fail-with-body -X POST "$FLOW_URL/targetConnections" "${headers[@]}" "${json[@]}" -d @- | jq -r .id)
mapping_id=$(curl -sS --fail-with-body -X POST "$PREP/mappingSets" "${headers[@]}" "${json[@]}" -d "$mapping_set" | jq -r .id)
jq -nc --arg name "$NAME" --arg s "$source_id" --arg t "$target_id" --arg m "$mapping_id" --argjson start "$(($(date +%s) + 60))" \
  '{name: $name, description: "benchmark", flowSpec: {id: "9753525b-82c7-4dce-8a9b-5ccfce2b9876", version: "1.0"},
    sourceConnectionIds: [$s], targetConnectionIds: [$t], transformations: [{name: "Mapping", params: {mappingId: $m, mappingVersion: "0"}}],
    scheduleParams: {startTime: $start, frequency: "day", interval: 1, backfill: true}}' |
  curl -sS --fail-with-body -X POST "$FLOW_URL/flows" "${headers[@]}" "${json[@]}" -d @- | jq -r '"created \(.id)"'
