import * as req from '../../../src/dataflow/requests.js'

const source = {
  path: '/b/daily/*.csv',
  recursive: false,
  format: 'delimited' as const,
  columnDelimiter: ';',
  encoding: 'ISO-8859-1' as const
}

describe('request bodies', () => {
  it('a source connection reads the path with the format and only the file properties given; a wildcard is a folder', () => {
    expect(req.sourceBody(source, 'base-id', 'Daily: source', 'd')).toEqual({
      name: 'Daily: source',
      description: 'd',
      baseConnectionId: 'base-id',
      data: { format: 'delimited', properties: { columnDelimiter: ';', encoding: 'ISO-8859-1' } },
      params: { path: '/b/daily/*.csv', type: 'folder', recursive: false },
      connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
    })
    expect(req.sourceBody({ path: '/b/daily/', recursive: true, format: 'parquet' }, 'b', 'n', 'd')).toMatchObject({
      data: { format: 'parquet' },
      params: { type: 'folder', recursive: true }
    })
  })
  it('a target connection names the schema with the fixed version string and the dataset', () => {
    expect(req.targetBody('ds', 'https://ns.adobe.com/t/schemas/s', 'Daily: target', 'd')).toEqual({
      name: 'Daily: target',
      description: 'd',
      data: { schema: { id: 'https://ns.adobe.com/t/schemas/s', version: 'application/vnd.adobe.xed-full+json;version=1' } },
      params: { dataSetId: 'ds' },
      connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' }
    })
  })
  it('a dataflow carries the schedule (no interval or backfill with once), the Mapping transformation and the options', () => {
    const body = req.flowBody(
      { name: 'Daily', errorDiagnostics: true, partialIngestionPercent: 5 },
      'd',
      { source: 's', target: 't', mapping: { id: 'm', version: 0 } },
      { frequency: 'once', startTime: 1796000000 }
    )
    expect(body).toEqual({
      name: 'Daily',
      description: 'd',
      flowSpec: { id: '9753525b-82c7-4dce-8a9b-5ccfce2b9876', version: '1.0' },
      sourceConnectionIds: ['s'],
      targetConnectionIds: ['t'],
      transformations: [{ name: 'Mapping', params: { mappingId: 'm', mappingVersion: '0' } }],
      scheduleParams: { startTime: 1796000000, frequency: 'once' },
      options: { partialIngestionPercent: 5, errorDiagnosticsEnabled: true }
    })
    expect(
      req.flowBody(
        { name: 'D', errorDiagnostics: false },
        'd',
        { source: 's', target: 't' },
        { frequency: 'minute', interval: 15, backfill: true, startTime: 1 }
      )
    ).toMatchObject({
      transformations: [],
      scheduleParams: { frequency: 'minute', interval: 15, backfill: true }
    })
  })
  it('a mapping set names the output schema with the fixed content type', () => {
    expect(req.mappingSetBody('sch', [{ sourceType: 'ATTRIBUTE', source: 'a', destination: 'b' }])).toEqual({
      outputSchema: { schemaRef: { id: 'sch', contentType: 'application/vnd.adobe.xed-full+json;version=1' } },
      mappings: [{ sourceType: 'ATTRIBUTE', source: 'a', destination: 'b' }]
    })
  })
})

describe('request lines', () => {
  it('finds the dataflow by name and the CloudStorageToAEP spec, and by spec only for a name with a comma', () => {
    expect(req.flowLookupCall('Daily CRM').path).toBe(
      '/flows?property=name==Daily%20CRM&property=flowSpec.id==9753525b-82c7-4dce-8a9b-5ccfce2b9876&limit=100'
    )
    expect(req.flowLookupCall('a,b').path).toBe('/flows?property=flowSpec.id==9753525b-82c7-4dce-8a9b-5ccfce2b9876&limit=100')
  })
  it('reads the dataset with its schemaRef from Catalog', () => {
    expect(req.datasetCall('5c8c')).toMatchObject({ service: 'Catalog', path: '/dataSets/5c8c?properties=schemaRef,name' })
  })
  it('patches a dataflow with If-Match, handing a 412 back', () => {
    expect(req.patchFlowCall('f', '"e"', [])).toMatchObject({ method: 'PATCH', ifMatch: '"e"', accept: [412] })
  })
  it('enables or disables through the action route', () => {
    expect(req.flowActionCall('f', 'disable')).toMatchObject({ method: 'POST', path: '/flows/f/action?op=disable' })
  })
  it('names the parts after the dataflow', () => {
    expect(req.partNames('Daily CRM')).toEqual({ source: 'Daily CRM: source', target: 'Daily CRM: target' })
  })
})
