// The workflow run this step belongs to, from @actions/github. Loaded on first use, after
// the first request is on the wire: the package brings Octokit, which the action does not need
// before it writes.

export interface RunContext {
  repository?: string
  workflow?: string
  runUrl?: string
  runId?: number
  runAttempt?: number
}

export async function loadRunContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  try {
    const { context } = await import('@actions/github')
    // context.repo throws without GITHUB_REPOSITORY (a run outside Actions).
    const repository = env.GITHUB_REPOSITORY ? `${context.repo.owner}/${context.repo.repo}` : undefined
    const workflow = context.workflow || undefined
    const attempt = context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : ''
    const runUrl =
      repository !== undefined && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}${attempt}` : undefined
    return {
      ...(repository !== undefined && { repository }),
      ...(workflow !== undefined && { workflow }),
      ...(runUrl !== undefined && { runUrl }),
      ...(context.runId > 0 && { runId: context.runId }),
      ...(context.runAttempt > 0 && { runAttempt: context.runAttempt })
    }
  } catch {
    // The context only decorates the description and summary; it never fails a run.
    return {}
  }
}

/** The contract's default description: it tells a person in the Platform UI which workflow owns the connection. */
export function defaultDescription(ctx: RunContext): string {
  return `Managed by GitHub Actions: ${ctx.repository ?? 'a run outside GitHub Actions'}, workflow ${ctx.workflow ?? '(none)'}`
}
