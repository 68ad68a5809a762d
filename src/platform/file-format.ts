// How a file in the bucket is read: the formats, compressions and encodings Flow Service knows,
// for explore's preview and a source connection alike (the explore and collect tutorials list
// the same values).

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
