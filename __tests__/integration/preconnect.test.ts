// Connections opened ahead of requests, seen from the server: used by the first request, or closed.

import { Agent, request } from 'node:http'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { preconnect } from '../../src/preconnect.js'

let server: Server
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))
let opened = 0
let closed = 0
const sockets = new Set<Socket>()

beforeAll(async () => {
  server = createServer((socket) => {
    opened++
    sockets.add(socket)
    socket.on('close', () => closed++)
    socket.on('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(async () => {
  // Closes from the test before (its agent destroyed at its end) land before the counts restart.
  await settle()
  opened = 0
  closed = 0
})

const url = () => {
  const address = server.address()
  return new URL(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`)
}
const get = (agent: Agent) =>
  new Promise<number>((resolve, reject) => {
    request(url(), { agent }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
      .on('error', reject)
      .end()
  })

describe('preconnect', () => {
  it('opens one connection now, which the first request uses', async () => {
    const agent = new Agent({ keepAlive: true })
    const close = preconnect(agent, url())
    await settle()
    expect(opened).toBe(1)
    expect(await get(agent)).toBe(200)
    expect(await get(agent)).toBe(200)
    expect(opened).toBe(1)
    close()
    agent.destroy()
  })

  it('closes the connection when no request took it', async () => {
    const close = preconnect(new Agent({ keepAlive: true }), url())
    await settle()
    close()
    await settle()
    expect([opened, closed]).toEqual([1, 1])
  })

  it('hands over a socket opened before, instead of opening another', async () => {
    const agent = new Agent({ keepAlive: true })
    const early = connect({ host: '127.0.0.1', port: Number(url().port) })
    preconnect(agent, url(), early)
    expect(await get(agent)).toBe(200)
    expect(opened).toBe(1)
    agent.destroy()
  })
})
