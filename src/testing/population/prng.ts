/**
 * A small seeded pseudo-random generator (sfc32 seeded through splitmix32): 32-bit integer
 * arithmetic only, so a seed gives the same sequence on every platform and engine.
 *
 * @module
 */

/** A seeded source of randomness. All draws are deterministic for a given seed. */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  readonly uint32: () => number;
  /** A uniform float in [0, 1). */
  readonly float: () => number;
  /** A uniform integer in [0, n) (n ≤ 2^32). */
  readonly int: (n: number) => number;
  /** `true` with probability p. */
  readonly chance: (p: number) => boolean;
}

/**
 * One step of splitmix32: a strong 32-bit mixer used for seeding and for hashing small keys.
 *
 * @example
 * ```ts
 * splitmix32(1) === splitmix32(1); // true
 * ```
 */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Hashes a seed and a stream number into a 32-bit seed for an independent stream.
 *
 * @example
 * ```ts
 * const registerSeed = deriveSeed(42, 1);
 * ```
 */
export function deriveSeed(seed: number, stream: number): number {
  return splitmix32(splitmix32(seed >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2d));
}

/**
 * Creates a deterministic random source (sfc32) from a 32-bit seed.
 *
 * @example
 * ```ts
 * const r = createRandom(42);
 * const die = 1 + r.int(6);
 * ```
 */
export function createRandom(seed: number): Random {
  let a = splitmix32(seed >>> 0);
  let b = splitmix32(a);
  let c = splitmix32(b);
  let d = 1;
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const float = (): number => uint32() / 4294967296;
  return {
    uint32,
    float,
    int: (n: number): number => Math.floor(float() * n),
    chance: (p: number): boolean => p > 0 && float() < p,
  };
}
