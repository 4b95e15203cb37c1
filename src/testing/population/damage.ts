/**
 * Turns a clean person into one damaged list row: the field-level defects of DESIGN.md §6 (name,
 * identity number, date of birth, sex, phone, residence) and the spelling variants of each field.
 *
 * @module
 */
import { encodeLegacy } from '../../text/index.js';
import { SECOND_MIDDLE_NAMES } from '../names-data.js';
import {
  COMMUNE_FORMAT_WEIGHTS,
  DOB_FORMAT_WEIGHTS,
  formatDob,
  formatGender,
  formatPhone,
  formatProvince,
  formatUnit,
  GENDER_FORMAT_WEIGHTS,
  OLD_MOBILE_PREFIX,
  PHONE_FORMAT_WEIGHTS,
  PROVINCE_FORMAT_WEIGHTS,
} from './formats.js';
import {
  daysInMonth,
  drawResidence,
  type Person,
  type PopulationModel,
  type Residence,
  randomDigits,
} from './people.js';
import type { Random } from './prng.js';
import { PROVINCE_FACTS, type ProvinceFacts } from './provinces-data.js';
import { createSampler, type Sampler } from './sampler.js';
import { hasToneChoice, modernTone, stripDiacritics, typo } from './text-damage.js';
import type {
  CommuneFormat,
  DamageCode,
  DamageRates,
  DobFormat,
  GenderFormat,
  ListRow,
  PhoneFormat,
  ProvinceFormat,
  RowFormats,
} from './types.js';

/** A damaged row before it gets its record id, with what was done to it. */
export interface DamagedFields extends Omit<ListRow, 'record_id'>, RowFormats {
  readonly damages: readonly DamageCode[];
}

/** Samplers and rates shared by every damaged row of one list. */
export interface Damager {
  readonly damage: (person: Person, random: Random) => DamagedFields;
}

/** The shared (frozen) empty damage list of clean rows. */
const NO_DAMAGE: readonly DamageCode[] = Object.freeze([]);

/** Hoàng↔Huỳnh and Vũ↔Võ are regional forms of one surname (DESIGN.md §6). */
function regionalForm(surname: string): string | undefined {
  switch (surname) {
    case 'Hoàng':
      return 'Huỳnh';
    case 'Huỳnh':
      return 'Hoàng';
    case 'Vũ':
      return 'Võ';
    case 'Võ':
      return 'Vũ';
    default:
      return undefined;
  }
}

/** Exclusive alternatives: cumulative thresholds of a group of codes, computed once per list. */
interface Group {
  readonly codes: readonly DamageCode[];
  readonly cumulative: Float64Array;
}

function group(rates: DamageRates, codes: readonly DamageCode[]): Group {
  const cumulative = new Float64Array(codes.length);
  let acc = 0;
  codes.forEach((c, i) => {
    acc += rates[c];
    cumulative[i] = acc;
  });
  return { codes, cumulative };
}

/** Which code of a group (if any) a uniform draw `u` falls on, slot after slot. */
function choose(u: number, g: Group): DamageCode | undefined {
  const cum = g.cumulative;
  for (let i = 0; i < cum.length; i++) if (u < (cum[i] as number)) return g.codes[i];
  return undefined;
}

const ID_CONTENT: readonly DamageCode[] = [
  'ID_MISSING',
  'ID_RELATIVE',
  'ID_TYPO',
  'ID_TRANSPOSITION',
  'ID_OLD_CMND',
];
const ID_FORMAT: readonly DamageCode[] = [
  'ID_LEADING_ZERO_LOST',
  'ID_SCIENTIFIC',
  'ID_APOSTROPHE',
  'ID_DOT_ZERO',
  'ID_SEPARATORS',
];
const DOB_DAMAGE: readonly DamageCode[] = [
  'DOB_MISSING',
  'DOB_YEAR_ONLY',
  'DOB_DAY_MONTH_SWAP',
  'DOB_YEAR_OFF_BY_ONE',
  'DOB_PLACEHOLDER',
];
const LEGACY: readonly DamageCode[] = ['NAME_TCVN3', 'NAME_VNI'];
const NON_ASCII = /[^\x00-\x7f]/;
const PHONE_DAMAGE: readonly DamageCode[] = [
  'PHONE_MISSING',
  'PHONE_OTHER_PERSON',
  'PHONE_LOST_ZERO',
  'PHONE_OLD_11_DIGIT',
];

const SWAP_FORMATS: readonly DobFormat[] = ['dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy'];

function changeDigit(id: string, random: Random): string {
  const pos = 1 + random.int(id.length - 1);
  const old = id.charCodeAt(pos) - 48;
  const digit = (old + 1 + random.int(9)) % 10;
  return id.slice(0, pos) + String(digit) + id.slice(pos + 1);
}

function transpose(id: string, random: Random): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const pos = 1 + random.int(id.length - 2);
    const a = id[pos] as string;
    const b = id[pos + 1] as string;
    if (a !== b) return id.slice(0, pos) + b + a + id.slice(pos + 2);
  }
  return changeDigit(id, random);
}

function scientific(digits: string): string {
  // What Excel's General format shows for a long number: 6 significant digits, trailing zeros cut.
  const [mantissa = '0', exponent = '0'] = Number(digits).toExponential(5).split('e');
  const m = mantissa.replace(/\.?0+$/, '');
  const e = Number(exponent);
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function separated(id: string, random: Random): string {
  const r = random.int(4);
  if (r === 3) return random.chance(0.5) ? ` ${id} ` : `${id}\u00a0`;
  const sep = r === 0 ? ' ' : r === 1 ? '.' : '-';
  const groups: string[] = [];
  for (let i = 0; i < id.length; i += 3) groups.push(id.slice(i, i + 3));
  return groups.join(sep);
}

/**
 * Builds the function that damages one person into one list row, with the given rates.
 *
 * @example
 * ```ts
 * const damager = createDamager(createPopulationModel(), DEFAULT_DAMAGE_RATES);
 * const fields = damager.damage(person, createRandom(7));
 * ```
 */
export function createDamager(model: PopulationModel, rates: DamageRates): Damager {
  const dobFormat = createSampler(DOB_FORMAT_WEIGHTS);
  const genderFormat = createSampler(GENDER_FORMAT_WEIGHTS);
  const phoneFormat = createSampler(PHONE_FORMAT_WEIGHTS);
  const provinceFormat = createSampler(PROVINCE_FORMAT_WEIGHTS);
  const communeFormat = createSampler(COMMUNE_FORMAT_WEIGHTS);
  const secondMiddle: Sampler<string> = createSampler(SECOND_MIDDLE_NAMES);
  const r = rates;

  const idContent = group(r, ID_CONTENT);
  const idFormat = group(r, ID_FORMAT);
  const dobDamage = group(r, DOB_DAMAGE);
  const legacyGroup = group(r, LEGACY);
  const phoneDamage = group(r, PHONE_DAMAGE);

  // Scratch state of the row being damaged (one row at a time; no per-row closures).
  let damages: DamageCode[] | undefined;
  let random: Random;
  const mark = (code: DamageCode): void => {
    if (damages === undefined) damages = [code];
    else damages.push(code);
  };
  const roll = (code: DamageCode): boolean => {
    if (random.chance(r[code])) {
      mark(code);
      return true;
    }
    return false;
  };

  function damage(p: Person, rng: Random): DamagedFields {
    random = rng;
    damages = undefined;

    // Identity number: content, then spreadsheet damage.
    let id = p.cccd;
    switch (choose(random.float(), idContent)) {
      case 'ID_MISSING':
        id = '';
        mark('ID_MISSING');
        break;
      case 'ID_RELATIVE': {
        const others = p.household.members.filter((m) => m !== p && m.cccd !== p.cccd);
        const other = others[random.int(others.length)];
        if (other !== undefined) {
          id = other.cccd;
          mark('ID_RELATIVE');
        }
        break;
      }
      case 'ID_TYPO':
        id = changeDigit(id, random);
        mark('ID_TYPO');
        break;
      case 'ID_TRANSPOSITION':
        id = transpose(id, random);
        mark('ID_TRANSPOSITION');
        break;
      case 'ID_OLD_CMND':
        if (p.cmnd !== '') {
          id = p.cmnd;
          mark('ID_OLD_CMND');
        }
        break;
    }
    if (id !== '') {
      const code = choose(random.float(), idFormat);
      const stripped = code === undefined ? id : id.replace(/^0+/, '');
      if (code === 'ID_LEADING_ZERO_LOST' && stripped !== id) {
        id = stripped;
        mark(code);
      } else if (code === 'ID_SCIENTIFIC' && stripped.length >= 11) {
        id = scientific(stripped);
        mark(code);
      } else if (code === 'ID_APOSTROPHE') {
        id = `'${id}`;
        mark(code);
      } else if (code === 'ID_DOT_ZERO') {
        id = `${stripped}.0`;
        mark(code);
      } else if (code === 'ID_SEPARATORS') {
        id = separated(id, random);
        mark(code);
      }
    }

    // Date of birth.
    let { year, month, day } = p;
    let dobFmt: DobFormat = dobFormat(random);
    switch (choose(random.float(), dobDamage)) {
      case 'DOB_MISSING':
        dobFmt = 'empty';
        mark('DOB_MISSING');
        break;
      case 'DOB_YEAR_ONLY':
        dobFmt = 'yyyy';
        mark('DOB_YEAR_ONLY');
        break;
      case 'DOB_DAY_MONTH_SWAP':
        if (day !== month) {
          const d = day;
          day = month;
          month = d;
          if (month > 12 || day > daysInMonth(year, month)) {
            dobFmt = SWAP_FORMATS[random.int(SWAP_FORMATS.length)] ?? 'dd/mm/yyyy';
          }
          mark('DOB_DAY_MONTH_SWAP');
        }
        break;
      case 'DOB_YEAR_OFF_BY_ONE':
        year += random.chance(0.5) ? 1 : -1;
        if (day > daysInMonth(year, month)) day = daysInMonth(year, month);
        mark('DOB_YEAR_OFF_BY_ONE');
        break;
      case 'DOB_PLACEHOLDER':
        if (day !== 1 || month !== 1) {
          day = 1;
          month = 1;
          mark('DOB_PLACEHOLDER');
        }
        break;
    }
    const dob = formatDob(year, month, day, dobFmt);

    // Name: structure first, then writing.
    let name: string;
    {
      let surname = p.surname;
      let middle = p.middle;
      const given = p.given;
      if (middle.length > 0 && roll('NAME_MIDDLE_MISSING')) {
        const drop = random.int(middle.length);
        middle = middle.length === 1 ? [] : [middle[1 - drop] as string];
      } else if (middle.length < 2 && random.chance(r.NAME_MIDDLE_EXTRA)) {
        const marker = p.sex === 0 ? 'Văn' : 'Thị';
        let next = middle;
        if (!middle.includes(marker)) next = [marker, ...middle];
        else {
          const extra = secondMiddle(random);
          if (!middle.includes(extra)) next = [...middle, extra];
        }
        if (next !== middle) {
          middle = next;
          mark('NAME_MIDDLE_EXTRA');
        }
      }
      const swapped = regionalForm(surname);
      if (swapped !== undefined && roll('NAME_REGIONAL_SURNAME')) surname = swapped;
      // One slip inside the surname (Nguễn, Ngyuen); a surname of two letters is left alone.
      let surnameTypo = false;
      if (random.chance(r.NAME_SURNAME_TYPO)) {
        const t = typo(surname, random);
        surnameTypo = t !== surname;
        surname = t;
      }
      // Western order (given, middle, surname) from an English form; or split `Họ đệm` / `Tên`
      // columns joined back given name first (given, surname, middle).
      const reversed = roll('NAME_REVERSED');
      const givenFirst = !reversed && roll('NAME_GIVEN_FIRST');
      if (surnameTypo) mark('NAME_SURNAME_TYPO');
      if (!reversed && !givenFirst && surname === p.surname && middle === p.middle)
        name = p.fullName;
      else {
        const family = [surname, ...middle].join(' ');
        const mid = middle.join(' ');
        if (reversed) name = mid === '' ? `${given} ${surname}` : `${given} ${mid} ${surname}`;
        else if (givenFirst) name = `${given} ${family}`;
        else name = `${family} ${given}`;
      }
      if (random.chance(r.NAME_TYPO)) {
        const t = typo(name, random);
        if (t !== name) {
          name = t;
          mark('NAME_TYPO');
        }
      }
      if (random.chance(r.NAME_MODERN_TONE) && hasToneChoice(name)) {
        name = modernTone(name);
        mark('NAME_MODERN_TONE');
      }
      const noDiacritics = roll('NAME_NO_DIACRITICS');
      if (noDiacritics) name = stripDiacritics(name);
      if (roll('NAME_UPPERCASE')) name = name.toUpperCase();
      let legacy = false;
      const encoding = choose(random.float(), legacyGroup);
      if (encoding !== undefined && !noDiacritics && NON_ASCII.test(name)) {
        // Marked only when the bytes differ: VNI writes í, ó, ú … as their Windows-1252 letters,
        // so `Phan Bích Ly` comes out of it unchanged.
        const encoded = encodeLegacy(name, encoding === 'NAME_TCVN3' ? 'tcvn3' : 'vni');
        if (encoded !== name) {
          name = encoded;
          legacy = true;
          mark(encoding);
        }
      }
      if (random.chance(r.NAME_NFD) && !noDiacritics && !legacy) {
        const nfd = name.normalize('NFD');
        if (nfd !== name) {
          name = nfd;
          mark('NAME_NFD');
        }
      }
      if (roll('NAME_NBSP')) {
        const spaces: number[] = [];
        for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 32) spaces.push(i);
        const at = spaces[random.int(spaces.length)] ?? 0;
        name = `${name.slice(0, at)}\u00a0${name.slice(at + 1)}`;
      }
      if (random.chance(r.NAME_DOUBLE_SPACE)) {
        const at = name.indexOf(' ');
        if (at >= 0) {
          name = `${name.slice(0, at)}  ${name.slice(at + 1)}`;
          mark('NAME_DOUBLE_SPACE');
        }
      }
    }

    // Sex.
    let sex = p.sex;
    let genderFmt: GenderFormat = genderFormat(random);
    if (roll('GENDER_MISSING')) genderFmt = 'empty';
    else if (roll('GENDER_WRONG')) sex = sex === 0 ? 1 : 0;
    const gender = formatGender(sex, genderFmt);

    // Phone.
    let phone = p.phone;
    let phoneFmt: PhoneFormat = phoneFormat(random);
    let raw = false;
    switch (choose(random.float(), phoneDamage)) {
      case 'PHONE_MISSING':
        if (phone !== '') {
          phone = '';
          mark('PHONE_MISSING');
        }
        break;
      case 'PHONE_OTHER_PERSON': {
        const others = p.household.members.filter((m) => m.phone !== '' && m.phone !== p.phone);
        const other = others[random.int(others.length)];
        phone = other?.phone ?? model.mobilePrefix(random) + randomDigits(random, 7);
        mark('PHONE_OTHER_PERSON');
        break;
      }
      case 'PHONE_LOST_ZERO':
        if (phone !== '') {
          phone = phone.slice(1);
          raw = true;
          mark('PHONE_LOST_ZERO');
        }
        break;
      case 'PHONE_OLD_11_DIGIT': {
        const old = OLD_MOBILE_PREFIX[phone.slice(0, 3)];
        if (old !== undefined) {
          phone = old + phone.slice(3);
          mark('PHONE_OLD_11_DIGIT');
        }
        break;
      }
    }
    if (phone === '') phoneFmt = 'empty';
    else if (raw) phoneFmt = '0xxxxxxxxx';
    else phone = formatPhone(phone, phoneFmt);

    // Residence.
    let residence: Residence = p.household.residence;
    if (roll('MOVED')) {
      const sameProvince = random.chance(0.5);
      let next = drawResidence(
        model,
        random,
        sameProvince ? residence.provinceIndex : model.pickProvince(random),
      );
      for (let k = 0; k < 5 && next.commune === residence.commune; k++) {
        next = drawResidence(model, random, next.provinceIndex);
      }
      residence = next;
    }
    const facts = PROVINCE_FACTS[residence.provinceIndex] as ProvinceFacts;
    const province = formatProvince(facts, provinceFormat(random), random);
    const unitFmt = communeFormat(random);
    let district = formatUnit(residence.districtUnit, unitFmt, random);
    let commune = formatUnit(residence.communeUnit, unitFmt, random);
    let provinceText = province.text;
    let address = residence.address;
    // The whole place in one `Địa chỉ` cell, the province, district and commune cells empty.
    if (roll('PLACE_IN_ADDRESS')) {
      address = [address, commune, district, provinceText].filter((x) => x !== '').join(', ');
      provinceText = '';
      district = '';
      commune = '';
    }

    // `mark` (a closure) may have set it: widen the type TypeScript narrowed to `undefined`.
    // Defects are applied in DAMAGE_CODES order, so the list is already sorted.
    const found = damages as DamageCode[] | undefined;
    return {
      full_name: name,
      dob,
      gender,
      id_number: id,
      phone,
      province: provinceText,
      district,
      commune,
      address,
      damages: found ?? NO_DAMAGE,
      dob_format: dobFmt,
      gender_format: genderFmt,
      phone_format: phoneFmt,
      province_format: province.format,
      commune_format: unitFmt,
    };
  }

  return { damage };
}
