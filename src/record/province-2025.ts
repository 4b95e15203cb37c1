/**
 * Old (pre-1 July 2025) province code → new province code(s) (NQ 202/2025/QH15). Provinces not
 * listed kept their code. Tiền Giang (82) was split between Tây Ninh (80) and Đồng Tháp (82).
 */
const OLD_TO_NEW: Readonly<Record<string, readonly string[]>> = {
  '02': ['08'],
  '06': ['19'],
  '10': ['15'],
  '15': ['15'],
  '17': ['25'],
  '26': ['25'],
  '27': ['24'],
  '24': ['24'],
  '30': ['31'],
  '34': ['33'],
  '35': ['37'],
  '36': ['37'],
  '45': ['44'],
  '44': ['44'],
  '49': ['48'],
  '54': ['66'],
  '58': ['56'],
  '60': ['68'],
  '67': ['68'],
  '62': ['51'],
  '64': ['52'],
  '52': ['52'],
  '70': ['75'],
  '72': ['80'],
  '80': ['80'],
  '74': ['79'],
  '77': ['79'],
  '82': ['80', '82'],
  '83': ['86'],
  '84': ['86'],
  '87': ['82'],
  '89': ['91'],
  '91': ['91'],
  '93': ['92'],
  '94': ['92'],
  '95': ['96'],
};

/**
 * The post-2025 province code(s) of a pre-2025 province code.
 *
 * @example
 * ```ts
 * newProvincesOf('74'); // ['79'] (Bình Dương is now part of TP Hồ Chí Minh)
 * ```
 */
export function newProvincesOf(oldCode: string): readonly string[] {
  return OLD_TO_NEW[oldCode] ?? [oldCode];
}
