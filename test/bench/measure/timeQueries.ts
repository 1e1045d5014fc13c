/** Latencies (ms) of `ask` over the questions, after one untimed pass so caches and JIT are warm. */
export async function timeQueries(
  questions: readonly string[],
  ask: (question: string) => Promise<unknown>,
  rounds = 2,
): Promise<number[]> {
  for (const question of questions) await ask(question);
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const began = performance.now();
      await ask(question);
      latencies.push(performance.now() - began);
    }
  }
  return latencies;
}
