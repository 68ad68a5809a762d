import { STATUS_CODES } from 'node:http'

// Adobe answers in three error shapes (Flow Service, API gateway, generic) and IMS in OAuth's.
// Handlers describe an error; the server renders it, adding the request id it alone knows.
export type AdobeError =
  | { shape: 'flow'; code: string; title: string; message: string; details?: string }
  | { shape: 'gateway'; status: number; code: string; message: string }
  | { shape: 'generic'; status: number; title: string; detail: string }
  | { shape: 'ims'; status: number; error: string; description: string }

/** A value read from a request, or the error that refuses it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: AdobeError }

export function refuse<T>(error: AdobeError): Checked<T> {
  return { ok: false, error }
}

export function flowStatus(code: string): number {
  const status = Number(code.split('-')[1])
  return Number.isInteger(status) ? status : 500
}

export function errorStatus(e: AdobeError): number {
  return e.shape === 'flow' ? flowStatus(e.code) : e.status
}

export function errorBody(e: AdobeError, requestId: string): unknown {
  switch (e.shape) {
    case 'flow':
      return {
        type: `https://ns.adobe.com/aep/errors/FLOW-${e.code}`,
        title: e.title,
        status: flowStatus(e.code),
        report: { 'detailed-message': e.message, 'request-id': requestId },
        errorMessage: e.message,
        errorDetails: e.details ?? e.title
      }
    case 'gateway':
      return { error_code: e.code, message: e.message }
    case 'generic':
      return { type: `https://ns.adobe.com/aep/errors/${e.title}`, status: e.status, title: e.title, detail: e.detail }
    case 'ims':
      return { error: e.error, error_description: e.description }
  }
}

/** The sentence an error carries, whatever its shape. */
export function errorText(e: AdobeError): string {
  switch (e.shape) {
    case 'flow':
    case 'gateway':
      return e.message
    case 'generic':
      return e.detail
    case 'ims':
      return e.description
  }
}

export function flow(code: string, title: string, message: string): AdobeError {
  return { shape: 'flow', code, title, message }
}

export function gateway(status: number, code: string, message: string): AdobeError {
  return { shape: 'gateway', status, code, message }
}

export function generic(status: number, title: string, detail: string): AdobeError {
  return { shape: 'generic', status, title, detail }
}

export function ims(status: number, error: string, description: string): AdobeError {
  return { shape: 'ims', status, error, description }
}

export const badRequest = (message: string): AdobeError => flow('1400-400', 'Bad Request', message)

export const connectionNotFound = (id: string): AdobeError =>
  flow('1010-404', 'Resource not found', `Connection with id '${id}' was not found in this sandbox.`)

export const notFoundRoute = (path: string): AdobeError => generic(404, 'NotFoundError', `No route matches ${path}`)

// What a status fault answers when the rule gives no body: the shape Adobe uses for that status.
export function defaultFaultError(status: number): AdobeError {
  if (status === 429) return gateway(429, '429050', 'Too many requests')
  if (status === 500) return flow('1102-500', 'Internal Server Error', 'An internal error has occurred, please try again.')
  if (status === 503) return flow('1103-503', 'Service Unavailable', 'The service is unavailable, please try again.')
  if (status === 504) return flow('1104-504', 'Gateway Timeout', 'The request timed out, please try again.')
  const title = STATUS_CODES[status] ?? 'Error'
  return flow(`1100-${status}`, title, `Injected fault: ${title}.`)
}
