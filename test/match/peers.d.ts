// Types for the untyped peer packages the match tests and benchmarks compare against.
declare module 'jaro-winkler' {
  export default function distance(
    a: string,
    b: string,
    options?: { caseSensitive?: boolean },
  ): number;
}
declare module 'js-levenshtein' {
  export default function levenshtein(a: string, b: string): number;
}
declare module 'talisman/metrics/jaro-winkler.js' {
  export default function jaroWinkler(a: string, b: string): number;
}
declare module 'talisman/metrics/damerau-levenshtein.js' {
  export default function damerauLevenshtein(a: string, b: string): number;
}
declare module 'talisman/metrics/levenshtein.js' {
  export default function levenshtein(a: string, b: string): number;
}
