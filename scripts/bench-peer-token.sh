# Sourced by the benchmark's peer scripts: the IMS token when a client secret is given (else
# ACCESS_TOKEN as set), and the headers every Platform request carries.
if [ -n "${CLIENT_SECRET:-}" ]; then
  ACCESS_TOKEN=$(curl -sS --fail-with-body -X POST "$IMS_URL/ims/token/v3" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" \
    --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode "scope=openid,AdobeID" | jq -r .access_token)
fi
headers=(-H "Authorization: Bearer $ACCESS_TOKEN" -H "x-api-key: $CLIENT_ID" -H "x-gw-ims-org-id: $ORG_ID" -H "x-sandbox-name: $SANDBOX")
