// Links into the Experience Platform UI, for job summaries: a reviewer goes from a run of the
// workflow to the dataflow, its runs, the dataset or the connection. The form
// `https://experience.adobe.com/#/@{org}/sname:{sandbox}/platform/...` with the IMS org id after
// the `@` is the one Adobe's own dataflow alerts carry (observability insights); the dataset and
// account pages follow the same scheme (an assumption: Adobe documents no list of UI URLs).

const UI = 'https://experience.adobe.com/#'

export interface UiLinks {
  dataflow: (flowId: string) => string
  run: (flowId: string, runId: string) => string
  dataset: (datasetId: string) => string
  connection: (connectionId: string) => string
}

/** `imsOrgId` and `sandboxName` are validated inputs (letters, digits, '@', '-'): they stand in the URL as they are. */
export function uiLinks(imsOrgId: string, sandboxName: string): UiLinks {
  const base = `${UI}/@${imsOrgId}/sname:${sandboxName}/platform`
  const id = encodeURIComponent
  return {
    dataflow: (flowId) => `${base}/source/dataflows/${id(flowId)}/activity`,
    run: (flowId, runId) => `${base}/source/dataflows/${id(flowId)}/activity/${id(runId)}`,
    dataset: (datasetId) => `${base}/dataset/browse/${id(datasetId)}`,
    connection: (connectionId) => `${base}/source/accounts/${id(connectionId)}/activity`
  }
}
