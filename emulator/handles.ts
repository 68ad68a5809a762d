import type { CatalogStore } from './catalog/store.js'
import type { DataflowStore, Table } from './flow-service/dataflows/store.js'
import type { Scheduler } from './flow-service/runs/scheduler.js'
import type { CatalogApi, DataflowApi } from './types.js'

// The TypeScript handles over Catalog and the dataflows. Each read settles the schedule first, so
// a test sees the runs (and the records they wrote) that are due by now, timer or no timer.

interface Parts {
  catalog: CatalogStore
  dataflows: DataflowStore
  scheduler: Scheduler
}

export function catalogApi({ catalog, scheduler }: Parts): CatalogApi {
  return {
    addSchema: (input) => catalog.addSchema(input),
    addDataset: (input) => catalog.addDataset(input),
    schemas: (sandboxName) => catalog.schemas(sandboxName),
    datasets: (sandboxName) => catalog.datasets(sandboxName),
    records: (datasetId) => {
      scheduler.check()
      return catalog.records(datasetId)
    }
  }
}

export function dataflowApi({ dataflows, scheduler }: Parts): DataflowApi {
  const items = <T extends { id: string; sandboxName: string }>(table: Table<T>, sandboxName?: string): T[] => {
    scheduler.check()
    return table.all(sandboxName).map((row) => structuredClone(row.item))
  }
  return {
    sourceConnections: (sandboxName) => items(dataflows.sources, sandboxName),
    targetConnections: (sandboxName) => items(dataflows.targets, sandboxName),
    flows: (sandboxName) => items(dataflows.flows, sandboxName),
    runs: (flowId) => items(dataflows.runs).filter((r) => flowId === undefined || r.flowId === flowId),
    checkSchedule: () => {
      scheduler.check()
    },
    runNow: (flowId) => scheduler.runNow(flowId),
    requestRun: (flowId, startTime, window) => scheduler.requestRun(flowId, startTime, window),
    runClock: () => scheduler.clock(),
    setRunClock: (clock) => {
      scheduler.setClock(clock)
    },
    markBusy: (flowId, requests) => {
      scheduler.markBusy(flowId, requests)
    }
  }
}
