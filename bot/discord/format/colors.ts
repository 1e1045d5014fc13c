/** Embed side colours: blue for content, grey for "nothing found". */
export const ANSWER_COLOR = 0x2b6cb0;
export const NOTHING_FOUND_COLOR = 0x718096;
