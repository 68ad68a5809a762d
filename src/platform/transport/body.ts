// Reading an answer's body: bounded in size, linear in time (chunks are joined once), and
// settled the moment the socket closes early, so that a body cut short is retried at once
// instead of waiting for the step's deadline.

import type { IncomingMessage } from 'node:http'

/** Far above any answer Adobe documents (a page of 100 connections is about 100 KB). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024

export class BodyTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number
  ) {
    super(
      `the answer is larger than ${formatBytes(limit)} (${bytes === Infinity ? 'more' : formatBytes(bytes)}), far beyond any documented answer`
    )
    this.name = 'BodyTooLargeError'
  }
}

/** The socket closed before the body was complete (the status line and headers did arrive). */
export class PrematureCloseError extends Error {
  readonly code = 'ERR_STREAM_PREMATURE_CLOSE'
  constructor(received: number) {
    super(`the connection closed after ${formatBytes(received)} of the answer's body, before its end`)
    this.name = 'PrematureCloseError'
  }
}

export function readBody(message: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(message.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      message.destroy()
      reject(new BodyTooLargeError(declared, limit))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      message.destroy()
      reject(new BodyTooLargeError(size, limit))
    })
    message.on('end', () => resolve(Buffer.concat(chunks, size)))
    // Node reports a body cut short as 'aborted' (ECONNRESET) or only as a close before the end.
    message.on('error', () => reject(new PrematureCloseError(size)))
    message.on('close', () => {
      if (!message.complete) reject(new PrematureCloseError(size))
    })
  })
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
