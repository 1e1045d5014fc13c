// Type declarations for dependencies that ship none usable under NodeNext resolution.

declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  const snowball: {
    algorithms(): string[];
    newStemmer(algorithm: string): SnowballStemmer;
  };
  export default snowball;
}

// sastrawijs ships types its package.json "exports" does not expose under NodeNext resolution.
declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
    /** Whether a word is in the stemmer's dictionary of root words. */
    find(word: string): boolean;
  }
}
