// Small rules about URLs, shared by input validation and the connections opened at start-up.

import { getProxyUrl } from '@actions/http-client/lib/proxy'

/** Loopback hosts may be reached over http:// (local emulators and tests); nothing else may. */
export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  const octets = hostname.split('.')
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
}

/**
 * The one proxy rule: @actions/http-client's own (HTTPS_PROXY/HTTP_PROXY, NO_PROXY, loopback
 * bypassed). The agents it makes follow it; the connections opened early follow it too.
 */
export function isProxied(url: URL): boolean {
  return getProxyUrl(url) !== undefined
}
