import { matchPath, type PathParams } from '../../shared/routes/matchPath.ts'

/** The first route whose path matches, with its parameters; null when none does. */
export function findRoute<R extends { path: string }>(
  routes: readonly R[],
  pathname: string,
): { route: R; params: PathParams } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname)
    if (params) return { route, params }
  }
  return null
}
