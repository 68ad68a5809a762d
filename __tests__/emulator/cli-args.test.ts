import { DEFAULT_PORT, parseArgs, parseFaultSpec, type CliConfig } from '../../emulator/cli-args.js'

function config(argv: string[]): CliConfig {
  const parsed = parseArgs(argv)
  if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed))
  return parsed.config
}

function error(argv: string[]): string {
  const parsed = parseArgs(argv)
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(parsed)}`)
  return parsed.message
}

describe('CLI flags', () => {
  test('defaults to 127.0.0.1:8787 with no faults', () => {
    expect(config([])).toEqual({ options: { host: '127.0.0.1', port: DEFAULT_PORT }, faults: [] })
  })

  test('reads every flag, in --flag value and --flag=value forms', () => {
    const c = config([
      '--host=0.0.0.0',
      '--port',
      '9000',
      '--separate-ims',
      '--ims-port',
      '9100',
      '--tls',
      '--latency',
      '20',
      '--connect-latency=30',
      '--sandbox',
      'prod',
      '--sandbox',
      'dev-1',
      '--s3-access-key',
      'AKIAX',
      '--s3-secret-key',
      'sec',
      '--list-lag',
      '250',
      '--opaque-tokens',
      '--preview-shape=columns',
      '--legacy-entry-types',
      '--s3',
      'world.json'
    ])
    expect(c.options).toEqual({
      host: '0.0.0.0',
      port: 9000,
      separateIms: true,
      imsPort: 9100,
      tls: true,
      latencyMs: 20,
      connectLatencyMs: 30,
      sandboxes: ['prod', 'dev-1'],
      s3: { accessKey: 'AKIAX', secretKey: 'sec' },
      listLagMs: 250,
      opaqueTokens: true,
      previewShape: 'columns',
      legacyEntryTypes: true
    })
    expect(c.s3File).toBe('world.json')
  })

  test('reads the dataflow flags: the run clock, deletion time and a catalog file', () => {
    const c = config([
      '--run-start-delay',
      '1000',
      '--run-duration=500',
      '--time-scale',
      '60',
      '--delete-finalize',
      '50',
      '--catalog',
      'catalog.json'
    ])
    expect(c.options).toMatchObject({ runClock: { startDelayMs: 1000, durationMs: 500, timeScale: 60 }, deleteFinalizeMs: 50 })
    expect(c.catalogFile).toBe('catalog.json')
    expect(config(['--time-scale', '0.5']).options.runClock).toEqual({ timeScale: 0.5 })
    expect(config([]).options).not.toHaveProperty('runClock')
  })

  test('bad dataflow flags give one line naming the problem', () => {
    expect(error(['--time-scale', '0'])).toBe("--time-scale must be a number > 0, got '0'")
    expect(error(['--time-scale', 'fast'])).toBe("--time-scale must be a number > 0, got 'fast'")
    expect(error(['--run-duration', '-1'])).toMatch(/--run-duration must be an integer/)
    expect(error(['--run-start-delay', 'later'])).toMatch(/--run-start-delay must be an integer/)
    expect(error(['--delete-finalize', '1.5'])).toMatch(/--delete-finalize must be an integer/)
    expect(error(['--catalog'])).toBe('--catalog needs a value')
  })

  test('a separate IMS port defaults to the next port, or a random one with --port 0', () => {
    expect(config(['--separate-ims']).options.imsPort).toBe(DEFAULT_PORT + 1)
    expect(config(['--port', '0', '--separate-ims']).options.imsPort).toBe(0)
  })

  test('--help wins over everything else', () => {
    expect(parseArgs(['--port', '1', '--help'])).toEqual({ kind: 'help' })
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' })
  })

  test('bad flags give one line naming the problem', () => {
    expect(error(['--nope'])).toBe('unknown flag --nope')
    expect(error(['stray'])).toMatch(/unexpected argument/)
    expect(error(['--port'])).toBe('--port needs a value')
    expect(error(['--port', 'http'])).toMatch(/--port must be an integer/)
    expect(error(['--port', '70000'])).toMatch(/--port/)
    expect(error(['--latency', '-5'])).toMatch(/--latency/)
    expect(error(['--tls=yes'])).toMatch(/takes no value/)
    expect(error(['--ims-port', '1'])).toMatch(/--separate-ims/)
    expect(error(['--s3-access-key', 'a'])).toMatch(/go together/)
    expect(error(['--sandbox', 'Prod Sandbox'])).toMatch(/--sandbox/)
    expect(error(['--fault', 'POST /connections teapot'])).toMatch(/--fault/)
    expect(error(['--preview-shape', 'table'])).toBe("--preview-shape must be flat or columns, got 'table'")
    expect(error(['--list-lag', 'soon'])).toMatch(/--list-lag must be an integer/)
    expect(error(['--opaque-tokens=yes'])).toMatch(/takes no value/)
    for (const e of [error(['--nope']), error(['--fault', 'x'])]) expect(e).not.toContain('\n')
  })
})

describe('fault syntax', () => {
  test('a status with a count', () => {
    expect(parseFaultSpec('POST /connections 503x2')).toEqual({
      method: 'POST',
      route: '/connections',
      times: 2,
      action: { type: 'status', status: 503 }
    })
  })

  test('a status with Retry-After applies once by default', () => {
    expect(parseFaultSpec('GET /connections 429 retry-after=1')).toEqual({
      method: 'GET',
      route: '/connections',
      times: 1,
      action: { type: 'status', status: 429, headers: { 'retry-after': '1' } }
    })
  })

  test('x* means always, and * means any method', () => {
    expect(parseFaultSpec('* /connections/* 500x*')).toEqual({
      route: '/connections/*',
      times: Infinity,
      action: { type: 'status', status: 500 }
    })
  })

  test('routes of the dataflow services are taken as written', () => {
    expect(parseFaultSpec('PATCH /flows/* 400')).toMatchObject({
      method: 'PATCH',
      route: '/flows/*',
      action: { type: 'status', status: 400 }
    })
    expect(parseFaultSpec('PUT /mappingSets/* 503x2')).toMatchObject({ method: 'PUT', route: '/mappingSets/*', times: 2 })
    expect(parseFaultSpec('GET /dataSets/* hang')).toMatchObject({ route: '/dataSets/*', action: { type: 'hang' } })
  })

  test('the named faults map to their actions', () => {
    expect(parseFaultSpec('POST /connections drop')).toMatchObject({ action: { type: 'commit-then-drop' } })
    expect(parseFaultSpec('GET /connections hang')).toMatchObject({ action: { type: 'hang' } })
    expect(parseFaultSpec('GET /connections resetx3')).toMatchObject({ action: { type: 'reset' }, times: 3 })
    expect(parseFaultSpec('post /ims/token/v3 malformed')).toMatchObject({ method: 'POST', action: { type: 'malformed-json' } })
    expect(parseFaultSpec('PATCH /connections/* delay:1500x2')).toMatchObject({ action: { type: 'delay', ms: 1500 }, times: 2 })
  })

  test('barrier:<n> holds n requests; times defaults to n and may be more, never less', () => {
    expect(parseFaultSpec('GET /connections barrier:3')).toEqual({
      method: 'GET',
      route: '/connections',
      times: 3,
      action: { type: 'barrier', count: 3 }
    })
    expect(parseFaultSpec('GET /connections barrier:2x*')).toMatchObject({ times: Infinity })
    expect(parseFaultSpec('GET /connections barrier:2x4')).toMatchObject({ times: 4 })
    expect(parseFaultSpec('GET /connections barrier:3x2')).toBe('barrier:3 holds 3 requests: use x3 or more')
    expect(parseFaultSpec('GET /connections barrier:0')).toMatch(/barrier:0/)
    expect(parseFaultSpec('GET /connections barrier')).toMatch(/barrier:<n>/)
  })

  test('rejects malformed specs with a reason', () => {
    expect(parseFaultSpec('POST')).toMatch(/expected/)
    expect(parseFaultSpec('POST connections 503')).toMatch(/start with/)
    expect(parseFaultSpec('POST /connections 99')).toMatch(/not a status/)
    expect(parseFaultSpec('POST /connections 700')).toMatch(/outside/)
    expect(parseFaultSpec('POST /connections 503x0')).toMatch(/x0/)
    expect(parseFaultSpec('POST /connections hang retry-after=1')).toMatch(/retry-after goes with a status/)
    expect(parseFaultSpec('POST /connections 429 retry-after=soon')).toMatch(/unknown option/)
    expect(parseFaultSpec('P0ST /connections 503')).toMatch(/HTTP method/)
  })
})
