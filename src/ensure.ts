// The if-exists decision that makes a run repeatable: after it, the sandbox holds the one
// connection with this name and spec, with the credentials the workflow gave.

import { errorMessage } from './errors.js'
import { isRecovered } from './http.js'
import type { IfExists } from './inputs.js'
import type {
  Auth,
  ConnectionItem,
  ConnectionSpecRef,
  ExploreEntry,
  FlowServiceClient,
  PatchOperation,
  WriteResult
} from './flow-service.js'

export type Operation = 'created' | 'updated' | 'reused'

export interface Plan {
  name: string
  sandboxName: string
  connectionSpec: ConnectionSpecRef
  auth: Auth
  ifExists: IfExists
  /** The description the user gave; on update only a given one replaces the current. */
  description?: string
  /** The description a new connection gets when none was given (from the run's context). */
  defaultDescription: () => Promise<string>
}

export interface Outcome extends WriteResult {
  operation: Operation
  /** A create whose answer was lost, found in the sandbox afterwards instead of created twice. */
  adopted: boolean
}

export type Log = (message: string) => void

/** The run cannot go on without a person deciding (a conflict with what already exists). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}

export async function ensureConnection(flow: FlowServiceClient, plan: Plan, log: Log): Promise<Outcome> {
  const existing = await flow.findConnections(plan.name, plan.connectionSpec.id)
  log(
    `Found ${existing.length} connection(s) named ${quote(plan.name)} with spec ${plan.connectionSpec.id} in sandbox ${quote(plan.sandboxName)}${ids(existing)}.`
  )
  if (existing.length === 0 || plan.ifExists === 'create') return create(flow, plan, existing, log)

  if (plan.ifExists === 'fail') {
    throw new ConflictError(
      `A connection named ${quote(plan.name)} already exists in sandbox ${quote(plan.sandboxName)}${ids(existing)}, and if-exists is 'fail'. ` +
        "Use if-exists 'update' or 'reuse' to adopt it, or choose another connection-name."
    )
  }
  const [current, ...others] = existing
  if (current === undefined || others.length > 0) {
    throw new ConflictError(
      `${existing.length} connections named ${quote(plan.name)} exist in sandbox ${quote(plan.sandboxName)}${ids(existing)}; ` +
        `if-exists '${plan.ifExists}' needs exactly one, so nothing was changed. Delete the extra ones (DELETE /connections/{id}) or choose another connection-name.`
    )
  }
  if (plan.ifExists === 'reuse') {
    return { id: current.id, etag: await etagOf(flow, current), operation: 'reused', adopted: false }
  }
  return update(flow, plan, current, log)
}

async function create(flow: FlowServiceClient, plan: Plan, existing: ConnectionItem[], log: Log): Promise<Outcome> {
  const before = new Set(existing.map((c) => c.id))
  const body = {
    name: plan.name,
    description: plan.description ?? (await plan.defaultDescription()),
    auth: plan.auth,
    connectionSpec: plan.connectionSpec
  }
  // No idempotency key exists: after an unanswered POST, the sandbox itself says whether it was created.
  const recover = async (): Promise<WriteResult | undefined> => {
    const now = await flow.findConnections(plan.name, plan.connectionSpec.id)
    const appeared = now.filter((c) => !before.has(c.id))
    if (appeared.length === 0) {
      log('The create got no answer and no new connection exists: sending it again.')
      return undefined
    }
    if (appeared.length > 1) {
      throw new ConflictError(
        `${appeared.length} connections named ${quote(plan.name)} appeared during this run${ids(appeared)}; another run may be creating it at the same time`
      )
    }
    const [adopted] = appeared as [ConnectionItem]
    log(`The create got no answer, but connection ${adopted.id} now exists: adopting it instead of creating another.`)
    return { id: adopted.id, etag: await etagOf(flow, adopted) }
  }
  const result = await flow.createConnection(body, recover)
  if (isRecovered(result)) return { ...result.recovered, operation: 'created', adopted: true }
  return { ...result, operation: 'created', adopted: false }
}

async function update(flow: FlowServiceClient, plan: Plan, current: ConnectionItem, log: Log): Promise<Outcome> {
  const currentSpec = current.auth?.specName
  if (currentSpec !== undefined && currentSpec !== plan.auth.specName) {
    throw new ConflictError(
      `Connection ${current.id} (${quote(plan.name)}) uses auth ${quote(currentSpec)}, but this run gives ${quote(plan.auth.specName)}; ` +
        'Flow Service cannot switch a connection between auth types. Delete it, or choose another connection-name.'
    )
  }
  const operations: PatchOperation[] = [{ op: 'replace', path: '/auth/params', value: plan.auth.params }]
  if (plan.description !== undefined) {
    // JSON Patch cannot replace a member that is not there.
    operations.push({ op: current.description === undefined ? 'add' : 'replace', path: '/description', value: plan.description })
  }
  const first = await flow.patchConnection(current.id, await etagOf(flow, current), operations)
  if (first !== 'stale') return { ...first, operation: 'updated', adopted: false }

  log(`Connection ${current.id} changed while this run updated it (412): reading it again and retrying once.`)
  const fresh = await flow.getConnection(current.id)
  const second = await flow.patchConnection(current.id, await etagOf(flow, fresh), operations)
  if (second === 'stale') {
    throw new ConflictError(
      `Connection ${current.id} kept changing while this run updated it (412 twice); something else is writing to it. Run again when it is done.`
    )
  }
  return { ...second, operation: 'updated', adopted: false }
}

/** Lists the bucket through the connection: proof that Flow Service can reach it with these credentials. */
export async function verifyConnection(flow: FlowServiceClient, id: string): Promise<ExploreEntry[]> {
  try {
    return await flow.exploreRoot(id)
  } catch (error) {
    throw new VerifyError(`Verification failed: Flow Service could not list the bucket through connection ${id}. ${errorMessage(error)}`)
  }
}

export class VerifyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VerifyError'
  }
}

async function etagOf(flow: FlowServiceClient, item: ConnectionItem): Promise<string> {
  if (item.etag !== undefined) return item.etag
  const read = await flow.getConnection(item.id)
  if (read.etag === undefined)
    throw new ConflictError(`Flow Service returned connection ${item.id} without an etag, so it cannot be updated safely.`)
  return read.etag
}

function ids(items: ConnectionItem[]): string {
  return items.length === 0 ? '' : ` (${items.map((c) => c.id).join(', ')})`
}

function quote(value: string): string {
  return JSON.stringify(value)
}
