/** Ollama treats "bge-m3" and "bge-m3:latest" as one model; the index must too. */
export function normalizeOllamaModel(model: string): string {
  return model.includes(':') ? model : `${model}:latest`;
}
