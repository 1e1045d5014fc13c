/** The systems the bench measures: newsdesk and its two peers. */
export const SYSTEM_NAMES = ['ours', 'langchain', 'lancedb'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];
