/**
 * Synthetic but plausible administrative geography below the province: districts (quận, huyện,
 * thị xã, thành phố) and communes (phường, xã, thị trấn) with names built from common
 * Sino-Vietnamese place syllables, plus street-level addresses. The geography of a province
 * depends only on its code, never on the generator's seed, so every dataset shares it.
 *
 * @module
 */
import { createRandom, type Random, splitmix32 } from './prng.js';
import { PROVINCE_FACTS, type ProvinceFacts } from './provinces-data.js';
import { stripDiacritics } from './text-damage.js';

/** An administrative unit below the province: its full name, prefix word and bare name. */
export interface AdminUnit {
  /** Full name with its prefix, e.g. `Phường 5`, `Xã An Bình`, `Quận 3`, `Huyện Bình Chánh`. */
  readonly name: string;
  /** The prefix word (`Phường`, `Xã`, `Thị trấn`, `Quận`, `Huyện`, `Thị xã`, `Thành phố`). */
  readonly kind: string;
  /** The name without its prefix (`5`, `An Bình`). */
  readonly bare: string;
  /** Whether the bare name is a number (`Phường 5`, `Quận 3`). */
  readonly numeric: boolean;
  /** The full name without diacritics (`Phuong 5`, `Xa An Binh`). */
  readonly ascii: string;
}

/** A commune (phường, xã, thị trấn). */
export interface Commune extends AdminUnit {
  readonly kind: 'Phường' | 'Xã' | 'Thị trấn';
}

/** A district (quận, huyện, thị xã, thành phố thuộc tỉnh). */
export interface District extends AdminUnit {
  readonly kind: 'Quận' | 'Huyện' | 'Thị xã' | 'Thành phố';
  readonly urban: boolean;
  readonly communes: readonly Commune[];
}

/** A province with its synthetic districts. */
export interface ProvinceGeography {
  readonly facts: ProvinceFacts;
  readonly districts: readonly District[];
}

const FIRST = [
  'An',
  'Tân',
  'Bình',
  'Phú',
  'Hòa',
  'Long',
  'Phước',
  'Thạnh',
  'Vĩnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Thanh',
  'Hưng',
  'Mỹ',
  'Thuận',
  'Khánh',
  'Quang',
  'Đức',
  'Hiệp',
  'Lộc',
  'Hải',
  'Sơn',
  'Cẩm',
  'Xuân',
  'Thới',
  'Lạc',
  'Yên',
  'Kim',
  'Minh',
  'Hồng',
  'Quảng',
  'Gia',
  'Định',
] as const;
const SECOND = [
  'Bình',
  'Phú',
  'Hòa',
  'Lợi',
  'Thành',
  'Lộc',
  'Hưng',
  'Thạnh',
  'Tân',
  'Long',
  'Thuận',
  'Đông',
  'Tây',
  'Hiệp',
  'Khánh',
  'An',
  'Mỹ',
  'Phước',
  'Sơn',
  'Hải',
  'Trung',
  'Xuân',
  'Lạc',
  'Đức',
  'Châu',
  'Hội',
  'Điền',
  'Quý',
  'Thủy',
  'Nghĩa',
  'Phong',
  'Thịnh',
  'Lâm',
  'Cường',
  'Tiến',
  'Khê',
] as const;

/** Street names (tên đường) used in urban addresses. */
export const STREETS: readonly string[] = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Huệ',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Hùng Vương',
  'Điện Biên Phủ',
  'Nguyễn Trãi',
  'Phan Chu Trinh',
  'Phan Bội Châu',
  'Lê Duẩn',
  'Nguyễn Văn Cừ',
  'Võ Thị Sáu',
  'Cách Mạng Tháng Tám',
  'Nguyễn Thị Minh Khai',
  'Trần Phú',
  'Lê Thánh Tông',
  'Bà Triệu',
  'Ngô Quyền',
  'Đinh Tiên Hoàng',
  'Lê Hồng Phong',
  'Nguyễn Du',
  'Hoàng Diệu',
  'Tôn Đức Thắng',
  'Nguyễn Đình Chiểu',
  'Lạc Long Quân',
  'Âu Cơ',
  'Trường Chinh',
  'Lý Tự Trọng',
  'Pasteur',
  'Phạm Văn Đồng',
  'Võ Văn Kiệt',
  'Nguyễn Tất Thành',
  'Hoàng Văn Thụ',
  'Huỳnh Thúc Kháng',
  'Chu Văn An',
  'Nguyễn Chí Thanh',
  'Yersinia',
  'Trần Quốc Toản',
];

const HCM_DISTRICTS = [
  'Quận 1',
  'Quận 3',
  'Quận 4',
  'Quận 5',
  'Quận 6',
  'Quận 7',
  'Quận 8',
  'Quận 10',
  'Quận 11',
  'Quận 12',
  'Quận Bình Thạnh',
  'Quận Gò Vấp',
  'Quận Tân Bình',
  'Quận Tân Phú',
  'Quận Phú Nhuận',
  'Quận Bình Tân',
  'Thành phố Thủ Đức',
  'Huyện Bình Chánh',
  'Huyện Củ Chi',
  'Huyện Hóc Môn',
  'Huyện Nhà Bè',
  'Huyện Cần Giờ',
];
const HANOI_DISTRICTS = [
  'Quận Ba Đình',
  'Quận Hoàn Kiếm',
  'Quận Đống Đa',
  'Quận Hai Bà Trưng',
  'Quận Cầu Giấy',
  'Quận Thanh Xuân',
  'Quận Hoàng Mai',
  'Quận Long Biên',
  'Quận Tây Hồ',
  'Quận Nam Từ Liêm',
  'Quận Bắc Từ Liêm',
  'Quận Hà Đông',
  'Huyện Gia Lâm',
  'Huyện Đông Anh',
  'Huyện Sóc Sơn',
  'Huyện Thanh Trì',
  'Huyện Thường Tín',
  'Huyện Ba Vì',
  'Huyện Chương Mỹ',
  'Thị xã Sơn Tây',
];
const CITY_CODES = new Set([31, 48, 92]);

function splitKind(full: string): { kind: District['kind']; bare: string } {
  for (const k of ['Thành phố', 'Thị xã', 'Quận', 'Huyện'] as const) {
    if (full.startsWith(`${k} `)) return { kind: k, bare: full.slice(k.length + 1) };
  }
  return { kind: 'Huyện', bare: full };
}

function placeName(random: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const a = FIRST[random.int(FIRST.length)] ?? 'An';
    const b = SECOND[random.int(SECOND.length)] ?? 'Bình';
    if (a === b) continue;
    const name = `${a} ${b}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const fallback = `Tân ${used.size}`;
  used.add(fallback);
  return fallback;
}

function buildCommunes(random: Random, urban: boolean, numbered: boolean): Commune[] {
  const used = new Set<string>();
  const count = urban ? 8 + random.int(9) : 10 + random.int(13);
  const out: Commune[] = [];
  for (let i = 0; i < count; i++) {
    if (urban) {
      const bare = numbered && i < count - 2 ? String(i + 1) : placeName(random, used);
      const name = `Phường ${bare}`;
      out.push({
        name,
        kind: 'Phường',
        bare,
        numeric: /^\d+$/.test(bare),
        ascii: stripDiacritics(name),
      });
    } else if (i === 0) {
      const bare = placeName(random, used);
      const name = `Thị trấn ${bare}`;
      out.push({ name, kind: 'Thị trấn', bare, numeric: false, ascii: stripDiacritics(name) });
    } else {
      const bare = placeName(random, used);
      const name = `Xã ${bare}`;
      out.push({ name, kind: 'Xã', bare, numeric: false, ascii: stripDiacritics(name) });
    }
  }
  return out;
}

function district(random: Random, full: string): District {
  const { kind, bare } = splitKind(full);
  const urban = kind !== 'Huyện';
  const numbered = kind === 'Quận' && /^\d+$/.test(bare);
  return {
    name: full,
    kind,
    bare,
    numeric: numbered,
    ascii: stripDiacritics(full),
    urban,
    communes: buildCommunes(random, urban, numbered),
  };
}

function shortName(name: string): string {
  return name.split(' - ')[0] ?? name;
}

/**
 * Builds the synthetic districts and communes of one province (deterministic by province code).
 *
 * @example
 * ```ts
 * const hcm = buildProvinceGeography(PROVINCE_FACTS.find((p) => p.code === 79)!);
 * hcm.districts[0]?.name; // 'Quận 1'
 * ```
 */
export function buildProvinceGeography(facts: ProvinceFacts): ProvinceGeography {
  const random = createRandom(splitmix32(facts.code * 7919 + 17));
  let names: string[];
  if (facts.code === 79) names = HCM_DISTRICTS;
  else if (facts.code === 1) names = HANOI_DISTRICTS;
  else {
    const used = new Set<string>([shortName(facts.name)]);
    const count = 7 + random.int(8);
    names = [];
    if (CITY_CODES.has(facts.code)) {
      for (let i = 0; i < count; i++) {
        names.push(`${i < count - 3 ? 'Quận' : 'Huyện'} ${placeName(random, used)}`);
      }
    } else {
      names.push(`Thành phố ${shortName(facts.name)}`);
      names.push(`Thị xã ${placeName(random, used)}`);
      for (let i = 2; i < count; i++) names.push(`Huyện ${placeName(random, used)}`);
    }
  }
  return { facts, districts: names.map((n) => district(random, n)) };
}

/**
 * Builds the geography of all 63 provinces, in {@link PROVINCE_FACTS} order.
 *
 * @example
 * ```ts
 * const all = buildGeography();
 * all.length; // 63
 * ```
 */
export function buildGeography(): ProvinceGeography[] {
  return PROVINCE_FACTS.map(buildProvinceGeography);
}

const NORTHERN_RURAL_MAX_CODE = 45;

/**
 * A street-level address (số nhà + đường, tổ/khu phố, thôn/xóm/ấp) for a household.
 *
 * @example
 * ```ts
 * makeAddress(createRandom(1), true, 79); // e.g. 'Số 12 Lê Lợi'
 * ```
 */
export function makeAddress(random: Random, urban: boolean, provinceCode: number): string {
  if (urban) {
    const r = random.int(10);
    const street = STREETS[random.int(STREETS.length)] ?? 'Lê Lợi';
    const n = 1 + random.int(250);
    if (r < 5) return `Số ${n} ${street}`;
    if (r < 8) return `${n}/${1 + random.int(40)} ${street}`;
    return `Tổ ${1 + random.int(30)}, Khu phố ${1 + random.int(12)}`;
  }
  const n = 1 + random.int(15);
  if (provinceCode <= NORTHERN_RURAL_MAX_CODE) {
    return random.chance(0.5) ? `Thôn ${n}` : `Xóm ${n}`;
  }
  if (provinceCode >= 70) {
    const a = FIRST[random.int(FIRST.length)] ?? 'An';
    const b = SECOND[random.int(SECOND.length)] ?? 'Bình';
    return a === b ? `Ấp ${a}` : `Ấp ${a} ${b}`;
  }
  return `Thôn ${n}`;
}
