import { changedEtag, newEtag } from '../../../emulator/flow-service/etag.js'

test('etags look like Adobe etags, quotes included', () => {
  expect(newEtag()).toMatch(/^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}"$/)
})

test("a change's etag is never the one it replaces", () => {
  const previous = newEtag()
  for (let i = 0; i < 100; i++) expect(changedEtag(previous)).not.toBe(previous)
})
