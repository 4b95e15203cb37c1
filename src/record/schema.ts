/**
 * zod schemas of raw rows and clean records. Built on first use (and dropped by bundlers when an
 * app does not use them), so that importing the `record` part does not pull zod in.
 *
 * @module
 */
import { z } from 'zod';
import type { IdKind } from '../id/index.js';
import { CANONICAL_COLUMNS } from './columns.js';
import type { Sex } from './types.js';

/* @__NO_SIDE_EFFECTS__ */
function buildRawRecordSchema() {
  const optionalString = z.string().optional();
  return z
    .object(
      Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, optionalString])) as Record<
        (typeof CANONICAL_COLUMNS)[number],
        typeof optionalString
      >,
    )
    .catchall(z.string());
}

/* @__NO_SIDE_EFFECTS__ */
function buildPartialDateSchema() {
  return z
    .object({
      year: z.number().int(),
      month: z.number().int().min(1).max(12).optional(),
      day: z.number().int().min(1).max(31).optional(),
    })
    .refine((d) => d.day === undefined || d.month !== undefined, {
      message: 'A day needs a month',
      path: ['day'],
    })
    .refine(
      (d) =>
        d.day === undefined ||
        d.month === undefined ||
        d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate(),
      { message: 'This day does not exist in this month', path: ['day'] },
    );
}

/**
 * zod schema of a raw row: every canonical column an optional string, and any other column kept
 * (it must be a string too). Use it at an app's boundary before {@link cleanRecord}.
 *
 * @example
 * ```ts
 * const raw = rawRecordSchema.parse({ full_name: 'nguyen van a', dob: '05/03/1990', ma_ho: 'H12' });
 * raw.ma_ho; // 'H12' (unknown columns are kept)
 * ```
 */
export const rawRecordSchema = /* @__PURE__ */ buildRawRecordSchema();

/**
 * zod schema of a partial date: `month` is required when `day` is present, and the day exists.
 *
 * @example
 * ```ts
 * partialDateSchema.safeParse({ year: 1990, day: 5 }).success; // false (day without month)
 * ```
 */
export const partialDateSchema = /* @__PURE__ */ buildPartialDateSchema();

const sexValues = ['male', 'female'] as const satisfies readonly Sex[];
const idKindValues = ['cccd', 'cmnd9', 'cmnd12', 'passport'] as const satisfies readonly IdKind[];

/**
 * A `CleanField<T>` schema: the typed value (optional) and the original text (optional).
 *
 * @example
 * ```ts
 * cleanFieldSchema(z.string()).parse({ value: '0912345678', original: '+84 912 345 678' });
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function cleanFieldSchema<T extends z.ZodType>(value: T) {
  return z.object({ value: value.optional(), original: z.string().optional() });
}

/* @__NO_SIDE_EFFECTS__ */
function buildCleanRecordSchema() {
  return z.object({
    key: z.string(),
    fullName: cleanFieldSchema(z.string()),
    dob: cleanFieldSchema(buildPartialDateSchema()),
    sex: cleanFieldSchema(z.enum(sexValues)),
    idNumber: cleanFieldSchema(z.string()),
    idKind: z.enum(idKindValues).optional(),
    phone: cleanFieldSchema(z.string().regex(/^0\d{9,10}$/)),
    provinceCode: cleanFieldSchema(z.string().regex(/^\d{2}$/)),
    district: cleanFieldSchema(z.string()),
    commune: cleanFieldSchema(z.string()),
    address: cleanFieldSchema(z.string()),
    extra: z.record(z.string(), z.string()),
  });
}

/**
 * zod schema of a {@link CleanRecord}: for apps that store cleaned records and validate them when
 * reading them back.
 *
 * @example
 * ```ts
 * cleanRecordSchema.parse(cleanRecord({ full_name: 'Lê Thị B' }).record);
 * ```
 */
export const cleanRecordSchema = /* @__PURE__ */ buildCleanRecordSchema();
