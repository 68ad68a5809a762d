// Waiting in tests for the event itself, not a guess at its time: a loaded machine is slower, never wrong.

/** Looks every `everyMs` until `done` holds, or `ms` pass; what is asserted after says which. */
export async function waitFor(done: () => boolean, ms = 5000, everyMs = 10): Promise<void> {
  for (const deadline = Date.now() + ms; !done() && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, everyMs))
}
