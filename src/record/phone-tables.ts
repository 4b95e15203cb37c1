/**
 * Vietnamese telephone numbering tables (Bộ TT&TT): mobile prefixes by carrier, the 2018 move of
 * 11-digit mobile numbers to 10 digits, and the 2017 landline area-code change.
 */

/** Mobile carriers, by the carrier a prefix was assigned to (number portability may have moved it). */
export type MobileCarrier =
  | 'Viettel'
  | 'VinaPhone'
  | 'MobiFone'
  | 'Vietnamobile'
  | 'Gmobile'
  | 'Itelecom'
  | 'Wintel';

/** 10-digit mobile prefixes (`0` + two digits) and their carrier. */
export const MOBILE_PREFIXES: Readonly<Record<string, MobileCarrier>> = {
  '032': 'Viettel',
  '033': 'Viettel',
  '034': 'Viettel',
  '035': 'Viettel',
  '036': 'Viettel',
  '037': 'Viettel',
  '038': 'Viettel',
  '039': 'Viettel',
  '086': 'Viettel',
  '096': 'Viettel',
  '097': 'Viettel',
  '098': 'Viettel',
  '081': 'VinaPhone',
  '082': 'VinaPhone',
  '083': 'VinaPhone',
  '084': 'VinaPhone',
  '085': 'VinaPhone',
  '088': 'VinaPhone',
  '091': 'VinaPhone',
  '094': 'VinaPhone',
  '070': 'MobiFone',
  '076': 'MobiFone',
  '077': 'MobiFone',
  '078': 'MobiFone',
  '079': 'MobiFone',
  '089': 'MobiFone',
  '090': 'MobiFone',
  '093': 'MobiFone',
  '052': 'Vietnamobile',
  '056': 'Vietnamobile',
  '058': 'Vietnamobile',
  '092': 'Vietnamobile',
  '059': 'Gmobile',
  '099': 'Gmobile',
  '087': 'Itelecom',
  '055': 'Wintel',
};

/**
 * The 2018 migration of 11-digit mobile numbers (the last 7 digits are kept): old 4-digit prefix →
 * new 3-digit prefix (DESIGN.md §6; Bộ TT&TT, September–November 2018).
 */
export const MOBILE_MIGRATION_2018: Readonly<Record<string, string>> = {
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

/**
 * Landline area codes (mã vùng) after the 2017 change (Thông tư 15/2014/TT-BTTTT, in three phases
 * from February to June 2017): `[new code, old code, pre-2025 province code]`, codes without the
 * leading 0. Hà Nội and TP Hồ Chí Minh have 8-digit subscriber numbers, the others 7.
 */
export const LANDLINE_AREAS: readonly (readonly [string, string, string])[] = [
  ['24', '4', '01'],
  ['28', '8', '79'],
  ['203', '33', '22'],
  ['204', '240', '24'],
  ['205', '25', '20'],
  ['206', '26', '04'],
  ['207', '27', '08'],
  ['208', '280', '19'],
  ['209', '281', '06'],
  ['210', '210', '25'],
  ['211', '211', '26'],
  ['212', '22', '14'],
  ['213', '231', '12'],
  ['214', '20', '10'],
  ['215', '230', '11'],
  ['216', '29', '15'],
  ['218', '218', '17'],
  ['219', '219', '02'],
  ['220', '320', '30'],
  ['221', '321', '33'],
  ['222', '241', '27'],
  ['225', '31', '31'],
  ['226', '351', '35'],
  ['227', '36', '34'],
  ['228', '350', '36'],
  ['229', '30', '37'],
  ['232', '52', '44'],
  ['233', '53', '45'],
  ['234', '54', '46'],
  ['235', '510', '49'],
  ['236', '511', '48'],
  ['237', '37', '38'],
  ['238', '38', '40'],
  ['239', '39', '42'],
  ['251', '61', '75'],
  ['252', '62', '60'],
  ['254', '64', '77'],
  ['255', '55', '51'],
  ['256', '56', '52'],
  ['257', '57', '54'],
  ['258', '58', '56'],
  ['259', '68', '58'],
  ['260', '60', '62'],
  ['261', '501', '67'],
  ['262', '500', '66'],
  ['263', '63', '68'],
  ['269', '59', '64'],
  ['270', '70', '86'],
  ['271', '651', '70'],
  ['272', '72', '80'],
  ['273', '73', '82'],
  ['274', '650', '74'],
  ['275', '75', '83'],
  ['276', '66', '72'],
  ['277', '67', '87'],
  ['290', '780', '96'],
  ['291', '781', '95'],
  ['292', '710', '92'],
  ['293', '711', '93'],
  ['294', '74', '84'],
  ['296', '76', '89'],
  ['297', '77', '91'],
  ['299', '79', '94'],
];
