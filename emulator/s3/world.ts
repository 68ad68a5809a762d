import { defaultBuckets } from '../demo.js'
import { isRecord } from '../json.js'
import type { BucketEntry, S3Options } from '../types.js'
import { buildBuckets, readBucketEntry, type Buckets } from './tree.js'

// The emulated S3 world: the only keys it accepts (any, when none are set) and its buckets, made
// from S3Options (startEmulator, setS3, PUT /__emulator/s3, --s3 files). Explore and dataflow
// runs read it through a connection's keys.

export interface S3World {
  accessKey?: string
  secretKey?: string
  buckets: Buckets
}

export function s3World(options: S3Options | undefined): S3World {
  const world: S3World = { buckets: buildBuckets(options?.buckets ?? defaultBuckets()) }
  if (options?.accessKey !== undefined) world.accessKey = options.accessKey
  if (options?.secretKey !== undefined) world.secretKey = options.secretKey
  return world
}

// S3Options from untrusted JSON (the control API, --s3 files), or what is wrong with them.
export function readS3Options(body: unknown): S3Options | string {
  if (!isRecord(body)) return 'not an object'
  const { accessKey, secretKey, buckets } = body
  if (accessKey !== undefined && typeof accessKey !== 'string') return 'accessKey must be a string'
  if (secretKey !== undefined && typeof secretKey !== 'string') return 'secretKey must be a string'
  const keys = { ...(accessKey ? { accessKey } : {}), ...(secretKey ? { secretKey } : {}) }
  if (buckets === undefined) return keys
  if (!isRecord(buckets)) return 'buckets must map bucket names to entry arrays'
  const out: Record<string, BucketEntry[]> = {}
  for (const [name, entries] of Object.entries(buckets)) {
    if (!Array.isArray(entries)) return `buckets.${name} must be an array of {type, name, path}`
    const read = readEntries(entries)
    if (typeof read === 'string') return `buckets.${name}: ${read}`
    out[name] = read
  }
  return { ...keys, buckets: out }
}

function readEntries(entries: readonly unknown[]): BucketEntry[] | string {
  const out: BucketEntry[] = []
  for (const [index, value] of entries.entries()) {
    const entry = readBucketEntry(value)
    if (typeof entry === 'string') return `entry ${index}: ${entry}`
    out.push(entry)
  }
  return out
}
