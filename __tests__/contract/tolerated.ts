// Where the actions' requests knowingly differ from Adobe's OpenAPI files (vendored beside this
// file in openapi/): the one place such a difference may be listed. Each entry is a disagreement
// between the OpenAPI file and Adobe's Experience League pages, whose examples are what clients
// send and what the service answers; the actions follow the pages. The contract test fails on any
// request violation not matched here, and on any entry here that no request showed (a stale one).
// Page paths are in the AdobeDocs/experience-platform.en repository.

export interface Tolerated {
  /** The spec's file name without `.yaml`. */
  service: string
  method: string
  /** The path template as the spec writes it. */
  template: string
  /** Matches the proxy's one-line problem. */
  problem: RegExp
  why: string
}

const FLOW = 'flow-service'
const CONNECTION = '/connections/{BASE_CONNECTION_ID}/'
const EXPLORE = '/connections/{BASE_CONNECTION_ID}/explore'

// Shared reasons, so that every entry they cover says the same thing.
const REPEATED_PROPERTY =
  'help/dataflows/api/sort-and-filter.md ("Combining filters"): several `property` parameters joined by `&` are ANDed, while a comma inside one value lists alternatives (`property=id==736873,9485095`); the spec\'s one comma-separated value (style form, explode false) cannot say AND.'
const LOWER_CASE_OPS =
  'JSON Patch (RFC 6902) ops are lower case, as every Flow Service page sends them (help/sources/tutorials/api/update-dataflows.md: "op": "replace"; "Operations include: add, replace, and remove"); the spec\'s PatchInstruction enum is ADD, REPLACE, REMOVE.'
const ANY_VALUE =
  "The spec's PatchInstruction types `value` as an object (with a `description` member), but a JSON Patch value is any JSON: help/sources/tutorials/api/update.md and update-dataflows.md replace /name, /description and /scheduleParams/frequency with strings, and /scheduleParams/interval is the integer the flow spec declares."

export const TOLERATED: readonly Tolerated[] = [
  // ---- Filters -----------------------------------------------------------------------------------
  { service: FLOW, method: 'GET', template: '/connections', problem: /^query property is sent \d+ times;/, why: REPEATED_PROPERTY },
  { service: FLOW, method: 'GET', template: '/flows', problem: /^query property is sent \d+ times;/, why: REPEATED_PROPERTY },

  // ---- Base connections ----------------------------------------------------------------------------
  {
    service: FLOW,
    method: 'PATCH',
    template: CONNECTION,
    problem: /^path has no trailing slash;/,
    why: 'help/sources/tutorials/api/update.md writes `PATCH /connections/{CONNECTION_ID}` and sends it to `…/flowservice/connections/139f6a5f-…` with no trailing slash; only the OpenAPI file adds one.'
  },
  {
    service: FLOW,
    method: 'DELETE',
    template: CONNECTION,
    problem: /^path has no trailing slash;/,
    why: 'help/sources/tutorials/api/delete.md writes `DELETE /connections/{BASE_CONNECTION_ID}` and sends it with no trailing slash; only the OpenAPI file adds one.'
  },
  {
    service: FLOW,
    method: 'PATCH',
    template: CONNECTION,
    problem: /^body must be object \(is array\)$/,
    why: 'help/sources/tutorials/api/update.md updates a connection with a JSON Patch array (`[{"op": "replace", "path": "/auth/params", …}, {"op": "add", "path": "/description", …}]`); the spec shows a single PatchInstruction object, while its own PATCH /flows takes an array of them.'
  },

  // ---- Explore and preview ----------------------------------------------------------------------
  {
    service: FLOW,
    method: 'GET',
    template: EXPLORE,
    problem: /^query objectType "(root|folder|file)" is not one of "ROOT", "TABLE", "FILE", "FOLDER", "REST"$/,
    why: "help/sources/tutorials/api/explore/cloud-storage.md sends `objectType=root`, `objectType=folder` and `objectType=file` in lower case; the spec's enum is upper case."
  },
  {
    service: FLOW,
    method: 'GET',
    template: EXPLORE,
    problem: /^query fileType is not declared /,
    why: 'help/sources/tutorials/api/explore/cloud-storage.md previews with `fileType=delimited`; the spec spells the parameter `FileType` (enum Delimited, JSON) and so declares no `fileType`.'
  },
  {
    service: FLOW,
    method: 'GET',
    template: EXPLORE,
    problem: /^query preview is not declared /,
    why: 'help/sources/tutorials/api/explore/cloud-storage.md previews a file with `preview=true`, which the spec does not declare.'
  },
  {
    service: FLOW,
    method: 'GET',
    template: EXPLORE,
    problem: /^query columnDelimiter is not declared /,
    why: 'help/sources/tutorials/api/explore/cloud-storage.md documents `columnDelimiter` (one character, default a comma) for delimited previews; the spec does not declare it.'
  },
  {
    service: FLOW,
    method: 'GET',
    template: EXPLORE,
    problem: /^query encoding is not declared /,
    why: 'help/sources/tutorials/api/explore/cloud-storage.md documents `encoding` (`…&fileType=delimited&encoding=ISO-8859-1`) for previews; the spec does not declare it.'
  },

  // ---- Source and target connections --------------------------------------------------------------
  {
    service: FLOW,
    method: 'PATCH',
    template: '/sourceConnections/{SOURCE_CONNECTION_ID}',
    problem: /^body\/\d+\/op "(add|replace|remove)" is not one of/,
    why: LOWER_CASE_OPS
  },
  {
    service: FLOW,
    method: 'PATCH',
    template: '/sourceConnections/{SOURCE_CONNECTION_ID}',
    problem: /^body\/\d+\/value must be object \(is string\)$/,
    why: ANY_VALUE
  },
  {
    service: FLOW,
    method: 'PATCH',
    template: '/targetConnections/{TARGET_CONNECTION_ID}',
    problem: /^body\/\d+\/op "(add|replace|remove)" is not one of/,
    why: LOWER_CASE_OPS
  },
  {
    service: FLOW,
    method: 'PATCH',
    template: '/targetConnections/{TARGET_CONNECTION_ID}',
    problem: /^body\/\d+\/value must be object \(is string\)$/,
    why: ANY_VALUE
  },

  // ---- Dataflows ----------------------------------------------------------------------------------
  {
    service: FLOW,
    method: 'POST',
    template: '/flows',
    problem: /^body\/scheduleParams\/interval must be string \(is number\)$/,
    why: 'The CloudStorageToAEP flow spec\'s own scheduleSpec (GET /flowSpecs, shown in help/sources/tutorials/api/collect/cloud-storage.md) types `interval` as an integer, and the page calls it "a non-zero integer"; the spec\'s ScheduleSpecDTO types it as a string.'
  },
  {
    service: FLOW,
    method: 'PATCH',
    template: '/flows/{FLOW_ID}',
    problem: /^body\/\d+\/op "(add|replace|remove)" is not one of/,
    why: LOWER_CASE_OPS
  },
  {
    service: FLOW,
    method: 'PATCH',
    template: '/flows/{FLOW_ID}',
    problem: /^body\/\d+\/value must be object \(is (string|number)\)$/,
    why: ANY_VALUE
  },
  {
    service: FLOW,
    method: 'POST',
    template: '/flows/{FLOW_ID}/action',
    problem: /^query op "(enable|disable)" is not one of "ENABLE", "DISABLE", /,
    why: 'The pages enable and disable a dataflow with `POST /flows/{FLOW_ID}/action?op=enable` and `?op=disable` in lower case (help/destinations/api/update-destination-dataflows.md, "Enable or disable dataflow"); the spec\'s enum is upper case.'
  },
  {
    service: FLOW,
    method: 'POST',
    template: '/flows/{FLOW_ID}/action',
    problem: /^query subOp is required but not sent$/,
    why: 'The same pages send `op` alone, no `subOp` and no body, to enable or disable; the spec marks `subOp` (APPLY, ROLLBACK, PROGRESS) required for every action.'
  },

  // ---- Runs -------------------------------------------------------------------------------------
  {
    service: FLOW,
    method: 'POST',
    template: '/runs',
    problem: /^body\/params\/(startTime|windowStartTime|windowEndTime) must be integer \(is string\)$/,
    why: "help/sources/tutorials/api/on-demand-ingestion.md (file-based sources) sends `startTime`, `windowStartTime` and `windowEndTime` as unix seconds in strings; the spec's CreateFlowRunRequest types them as integers (and calls them milliseconds)."
  }
]
