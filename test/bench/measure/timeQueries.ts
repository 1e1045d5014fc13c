/**
 * Latencies (ms) of `ask` over the questions, after one pass so caches and JIT are warm; of that
 * pass only the first question is timed (`firstMs`: what a lazily opened index pays on first use).
 */
export async function timeQueries(
  questions: readonly string[],
  ask: (question: string) => Promise<unknown>,
  rounds = 2,
): Promise<{ firstMs: number; latenciesMs: number[] }> {
  let firstMs = 0;
  for (const [i, question] of questions.entries()) {
    const began = performance.now();
    await ask(question);
    if (i === 0) firstMs = performance.now() - began;
  }
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const began = performance.now();
      await ask(question);
      latencies.push(performance.now() - began);
    }
  }
  return { firstMs, latenciesMs: latencies };
}
