import { routeTemplate, type Routes } from '../../../emulator/http/routing.js'

const ok = (): { status: number } => ({ status: 200 })
const routes: Routes<unknown> = {
  '/things': { GET: ok },
  '/things/validate': { POST: ok },
  '/things/{id}': { GET: ok },
  '/things/{id}/action': { POST: ok }
}

describe('route templates', () => {
  test('a literal route wins over the id template; ids and sub-routes fill the templates', () => {
    expect(routeTemplate(['things'], routes)).toBe('/things')
    expect(routeTemplate(['things', 'validate'], routes)).toBe('/things/validate')
    expect(routeTemplate(['things', 'abc'], routes)).toBe('/things/{id}')
    expect(routeTemplate(['things', 'abc', 'action'], routes)).toBe('/things/{id}/action')
  })

  test('anything else is shown as its own path', () => {
    expect(routeTemplate([], routes)).toBe('/')
    expect(routeTemplate(['things', 'abc', 'other'], routes)).toBe('/things/abc/other')
    expect(routeTemplate(['things', 'a', 'b', 'c'], routes)).toBe('/things/a/b/c')
    expect(routeTemplate(['others', 'abc'], routes)).toBe('/others/abc')
  })
})
