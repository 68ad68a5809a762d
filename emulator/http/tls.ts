import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface Certificate {
  key: string
  cert: string
  // A temp file holding `cert`, for NODE_EXTRA_CA_CERTS in child processes.
  certFile: string
  remove(): Promise<void>
}

// A fresh self-signed certificate per start: nothing secret is committed, and the cert is
// valid for every loopback name a client may use. EC P-256 makes it in milliseconds, where RSA
// key generation takes a variable fraction of a second.
export async function makeCertificate(): Promise<Certificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' }
        ]
      }
    ]
  })
  const dir = await mkdtemp(join(tmpdir(), 'aep-emulator-'))
  const certFile = join(dir, 'emulator-ca.pem')
  await writeFile(certFile, pems.cert, { mode: 0o644 })
  return { key: pems.private, cert: pems.cert, certFile, remove: () => rm(dir, { recursive: true, force: true }) }
}
