/** The typed arrays prepared columns and block tables are made of. @internal */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** The constructor of a {@link TypedArray}, as a view on a buffer. @internal */
export interface TypedArrayConstructor {
  new (buffer: ArrayBufferLike, offset: number, length: number): TypedArray;
  readonly BYTES_PER_ELEMENT: number;
}

/** The name of a {@link TypedArray}'s constructor (what a register file records per array). @internal */
export type TypedArrayName = TypedArray[typeof Symbol.toStringTag];

const CONSTRUCTORS: Readonly<Record<TypedArrayName, TypedArrayConstructor>> = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
};

/** True for a typed array (not a `DataView`). @internal */
export function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/**
 * The constructor name of a {@link TypedArray}, or undefined for anything else (a `DataView`, or
 * a subclass such as Node's `Buffer`).
 *
 * @example
 * ```ts
 * typedArrayName(new Int32Array(2)); // 'Int32Array'
 * typedArrayName(Buffer.alloc(2)); // undefined
 * ```
 * @internal
 */
export function typedArrayName(v: unknown): TypedArrayName | undefined {
  if (!isTypedArray(v)) return undefined;
  const name = v.constructor.name;
  return Object.hasOwn(CONSTRUCTORS, name) ? (name as TypedArrayName) : undefined;
}

/**
 * The constructor a {@link typedArrayName} names, or undefined for any other name (e.g. one read
 * from a damaged file).
 *
 * @example
 * ```ts
 * new (typedArrayConstructor('Int32Array')!)(buffer, 0, 4); // an Int32Array view of 4 elements
 * ```
 * @internal
 */
export function typedArrayConstructor(name: string): TypedArrayConstructor | undefined {
  return Object.hasOwn(CONSTRUCTORS, name) ? CONSTRUCTORS[name as TypedArrayName] : undefined;
}
