/**
 * Finding record boundaries in CSV bytes without parsing them, so that `clean` can hand
 * row-aligned chunks to worker threads. The quoting rules are exactly those csv-parse applies with
 * the options of `CSV_PARSE_OPTIONS` (`relax_quotes`): a quote opens a quoted field only as the
 * first byte of a field; inside, `""` is a quote and any other quote closes the field; CRLF, LF and
 * CR end a record outside quotes. A chunk cut after such a line end therefore parses, on its own,
 * to exactly the records the whole file gives there. (The scale pipeline's `scanCsv` toggles on
 * every quote, which disagrees with csv-parse on a stray quote inside an unquoted field.)
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Where a scan is, carried from one call to the next while the buffer grows. */
export interface RecordScanState {
  /** Next byte to look at. */
  pos: number;
  /** Inside a quoted field at `pos`. */
  quoting: boolean;
  /** `pos` is the first byte of a field. */
  fieldStart: boolean;
  /** Offset just after the last line end outside quotes seen so far, or -1. */
  lastBoundary: number;
}

/**
 * A scan state at the start of a record.
 *
 * @example
 * ```ts
 * const st = createRecordScanState(); // { pos: 0, quoting: false, fieldStart: true, lastBoundary: -1 }
 * ```
 */
export function createRecordScanState(): RecordScanState {
  return { pos: 0, quoting: false, fieldStart: true, lastBoundary: -1 };
}

/**
 * Scans `buf` from `st.pos` up to `end` (default: the whole buffer), updating `st`; with
 * `first`, stops at the first record boundary. Uses native `indexOf` between quotes, so unquoted
 * text costs almost nothing. A quote whose meaning depends on a byte not yet in `buf` is left for
 * the next call.
 *
 * @example
 * ```ts
 * const st = createRecordScanState();
 * scanRecords(Buffer.from('a,"x\ny"\nb\nc'), st);
 * st.lastBoundary; // 10 (after "b\n"; the line end inside quotes is not a boundary)
 * ```
 */
export function scanRecords(
  buf: Uint8Array,
  st: RecordScanState,
  end: number = buf.length,
  first = false,
): void {
  const n = buf.length;
  let last = st.lastBoundary;
  const stopped = walkOutsideQuotes(buf, st, end, (i, stop) => {
    const seg = buf.subarray(i, stop);
    // A cut never falls between the CR and LF of a CRLF (csv-parse would count two lines).
    if (first) {
      const lf = seg.indexOf(LF);
      const cr = seg.indexOf(CR);
      const d = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (d >= 0) {
        const at = i + d;
        if (buf[at] === CR && at + 1 >= n) return true; // CR at the end of what we have: wait for the next byte
        const b = buf[at] === CR && buf[at + 1] === LF ? at + 2 : at + 1;
        st.pos = b;
        st.quoting = false;
        st.fieldStart = true;
        st.lastBoundary = b;
        return true;
      }
    } else {
      const crlf = buf[stop - 1] === CR && (stop >= n || buf[stop] === LF);
      const tail = crlf ? seg.subarray(0, seg.length - 1) : seg;
      const d = Math.max(tail.lastIndexOf(LF), tail.lastIndexOf(CR));
      if (d >= 0) last = i + d + 1;
    }
    return false;
  });
  if (!stopped) st.lastBoundary = last;
}

/**
 * How many lines csv-parse counts in `buf`, a whole number of records: one per CR or LF byte,
 * except that a CRLF outside quotes (a record delimiter) counts once. Used to give an error found
 * in a later chunk the line number the whole file would give.
 *
 * @example
 * ```ts
 * countCsvLines(Buffer.from('a\r\n"b\r\nc"\n')); // 4
 * ```
 */
export function countCsvLines(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) n++;
  let cr = buf.indexOf(CR);
  if (cr < 0) return n;
  for (; cr >= 0; cr = buf.indexOf(CR, cr + 1)) n++;
  // Subtract the CRLF pairs outside quotes.
  walkOutsideQuotes(buf, { pos: 0, quoting: false, fieldStart: true }, buf.length, (i, stop) => {
    for (let c = buf.indexOf(CR, i); c >= 0 && c < stop; c = buf.indexOf(CR, c + 1)) {
      if (buf[c + 1] === LF) n--;
    }
    return false;
  });
  return n;
}

/** Where a walk over CSV bytes is (see {@link RecordScanState}). */
interface QuoteState {
  pos: number;
  quoting: boolean;
  fieldStart: boolean;
}

/**
 * Walks `buf` from `st.pos` up to `end` under csv-parse's quoting rules (see the module), handing
 * every run of bytes outside quotes, `[from, to)`, to `outside`, and updates `st`. When `outside`
 * returns true the walk stops there and `st` is left as `outside` set it. Uses native `indexOf`
 * between quotes. A quote whose meaning depends on a byte not yet in `buf` is left for the next
 * call. Returns whether `outside` stopped the walk.
 */
function walkOutsideQuotes(
  buf: Uint8Array,
  st: QuoteState,
  end: number,
  outside: (from: number, to: number) => boolean,
): boolean {
  const n = buf.length;
  let i = st.pos;
  let { quoting, fieldStart } = st;
  while (i < end) {
    let q = buf.indexOf(QUOTE, i);
    if (q >= end) q = -1;
    if (quoting) {
      if (q < 0) {
        i = end;
        break;
      }
      if (q + 1 >= n) {
        i = q; // is it `""`? The next byte decides.
        break;
      }
      if (buf[q + 1] === QUOTE) {
        i = q + 2;
        continue;
      }
      quoting = false;
      fieldStart = false;
      i = q + 1;
      continue;
    }
    const stop = q < 0 ? end : q;
    if (stop > i) {
      if (outside(i, stop)) return true;
      const c = buf[stop - 1];
      fieldStart = c === COMMA || c === LF || c === CR;
    }
    if (q < 0) {
      i = end;
      break;
    }
    quoting = fieldStart;
    fieldStart = false;
    i = q + 1;
  }
  st.pos = i;
  st.quoting = quoting;
  st.fieldStart = fieldStart;
  return false;
}
