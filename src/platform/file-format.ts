// How a file in the bucket is read: the formats, compressions and encodings Flow Service knows,
// for explore's preview and a source connection alike (the explore and collect tutorials list
// the same values), and the inputs that say it, read the same way by every action.

import { hasControl, printable, type InputReader } from './input-reader.js'

export type FileType = 'delimited' | 'json' | 'parquet'
export type Compression = 'bzip2' | 'gzip' | 'deflate' | 'zipDeflate' | 'tarGzip' | 'tar'
export type Encoding = 'UTF-8' | 'ISO-8859-1'

export const FILE_TYPES: readonly [FileType, ...FileType[]] = ['delimited', 'json', 'parquet']
export const COMPRESSIONS: readonly [Compression, ...Compression[]] = ['bzip2', 'gzip', 'deflate', 'zipDeflate', 'tarGzip', 'tar']
export const ENCODINGS: readonly [Encoding, ...Encoding[]] = ['UTF-8', 'ISO-8859-1']

export interface FileFormat {
  fileType: FileType
  /** Delimited files only. */
  columnDelimiter?: string
  /** Delimited and JSON files only. */
  compressionType?: Compression
  /** Delimited files only. */
  encoding?: Encoding
}

/** The input 'compression-type' when given; refused for Parquet, as Adobe documents it for delimited and JSON files only. */
export function readCompression(r: InputReader, fileType: FileType): Compression | undefined {
  if (r.optional('compression-type') === undefined) return undefined
  const compression = r.choice('compression-type', COMPRESSIONS)
  if (fileType === 'parquet')
    r.fail("Input 'compression-type' applies to delimited and JSON files only (Adobe documents none for Parquet); remove it.")
  return compression
}

/** The input 'column-delimiter' exactly as given (a tab is one), or `fallback`: one character. */
export function readColumnDelimiter(r: InputReader, fallback: string): string {
  const given = r.verbatim('column-delimiter')
  const delimiter = given === '' ? fallback : given
  r.check(
    'column-delimiter',
    delimiter,
    (v) => Array.from(v).length === 1 && (v === '\t' || !hasControl(v)),
    `must be exactly one character (such as ',' or '|'); got '${printable(delimiter)}'`
  )
  return delimiter
}
