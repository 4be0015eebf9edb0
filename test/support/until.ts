/**
 * Reads until the answer satisfies `done`, pausing between reads, and returns that answer: for what the api does in
 * the background (seeding the demo, projecting a write made by another process). It sets no time limit of its own:
 * only jest's global timeout ends a wait for something that never happens, so a busy machine waits longer instead of
 * failing a correct test.
 */
export async function until<T>(read: () => Promise<T>, done: (answer: T) => boolean, pauseMs = 100): Promise<T> {
  for (;;) {
    const answer = await read();
    if (done(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
