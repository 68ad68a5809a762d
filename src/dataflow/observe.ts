// What the sandbox holds for a dataflow-name, read at the start of a run: the dataset (for its
// schema), every dataflow named so with the parts it points at, and every connection named after
// it (where earlier runs' leftovers are found). Independent reads go out together: the first
// round at once, then each dataflow's parts.

import { sameId } from '../platform/server-values.js'
import type { DataflowClient } from './client.js'
import type { Chain, Observed } from './decide.js'
import type { ExistingFlow, ExistingSource, ExistingTarget, PartKind } from './model.js'
import { partNames } from './requests.js'

export async function observe(client: DataflowClient, name: string, datasetId: string): Promise<Observed> {
  const [dataset, named] = await Promise.all([client.dataset(datasetId), observeNamed(client, name)])
  return { dataset, ...named }
}

/** What is named after the dataflow: every dataflow of the name with its parts, and the connections named after it. */
export async function observeNamed(client: DataflowClient, name: string): Promise<Omit<Observed, 'dataset'>> {
  const names = partNames(name)
  const [flows, sources, targets] = await Promise.all([
    client.findFlows(name),
    client.findParts('source', names.source),
    client.findParts('target', names.target)
  ])
  const [chains, usedElsewhere] = await Promise.all([
    Promise.all(flows.map((flow) => chainOf(client, flow, sources, targets))),
    usedOutside(client, flows, sources, targets)
  ])
  return { chains, sources, targets, usedElsewhere }
}

/** A dataflow and what it points at: its connections as the named lists show them (else read by id), its mapping set. */
export async function chainOf(
  client: DataflowClient,
  flow: ExistingFlow,
  sources: readonly ExistingSource[],
  targets: readonly ExistingTarget[]
): Promise<Chain> {
  const listed = <T extends { id: string }>(items: readonly T[], id: string | undefined): T | undefined =>
    id === undefined ? undefined : items.find((i) => sameId(i.id, id))
  const sourceId = flow.sourceConnectionId
  const targetId = flow.targetConnectionId
  const [source, target, mapping] = await Promise.all([
    listed(sources, sourceId) ?? (sourceId !== undefined ? client.getPart('source', sourceId) : undefined),
    listed(targets, targetId) ?? (targetId !== undefined ? client.getPart('target', targetId) : undefined),
    flow.mapping !== undefined ? client.getMapping(flow.mapping.id, flow.mapping.version) : undefined
  ])
  return {
    flow,
    ...(source !== undefined && { source }),
    ...(target !== undefined && { target }),
    ...(mapping !== undefined && { mapping })
  }
}

/**
 * The named connections that no dataflow of this name uses, but one of another name does (a
 * dataflow renamed in the Platform UI keeps its connections' names). Asked only for those no
 * listed dataflow uses: leftovers, which a normal run has none of.
 */
async function usedOutside(
  client: DataflowClient,
  flows: readonly ExistingFlow[],
  sources: readonly ExistingSource[],
  targets: readonly ExistingTarget[]
): Promise<Set<string>> {
  const unused = (kind: PartKind, id: string): boolean =>
    !flows.some((f) => sameId((kind === 'source' ? f.sourceConnectionId : f.targetConnectionId) ?? '', id))
  const asked = [
    ...sources.filter((s) => unused('source', s.id)).map((s) => ({ kind: 'source' as const, id: s.id })),
    ...targets.filter((t) => unused('target', t.id)).map((t) => ({ kind: 'target' as const, id: t.id }))
  ]
  const answers = await Promise.all(asked.map(async ({ kind, id }) => ({ id, users: await client.flowsUsing(kind, id) })))
  return new Set(answers.filter((a) => a.users.length > 0).map((a) => a.id.toLowerCase()))
}
