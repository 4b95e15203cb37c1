/**
 * Fixed probe records, cleaned: every field the pipeline's spec reads is filled by at least one of
 * them. Used to find which prepared fields hold interned ids (parallel preparation) and to
 * fingerprint how this engine prepares records (prepared register files).
 */
import { type CleanRecord, cleanRecord } from '../../record/index.js';

const RAW = [
  {
    full_name: 'Nguyễn Văn Hùng',
    dob: '12/03/1985',
    gender: 'nam',
    id_number: '001085012345',
    phone: '0912345678',
    province: 'Hà Nội',
    district: 'Đống Đa',
    commune: 'Láng Thượng',
    address: '12 Láng Hạ',
    old_id_number: '012345678',
  },
  {
    full_name: 'TRẦN thị  thuỷ',
    dob: '1990',
    gender: 'nữ',
    id_number: '031190000002',
    phone: '+84 98 765 4321',
    province: 'Hải Phòng',
    district: 'Lê Chân',
    commune: 'Phường An Biên',
  },
  {
    full_name: 'Lê Hoàng Khánh Ly',
    dob: '2001-07-09',
    gender: 'nữ',
    id_number: '123456789',
    phone: '0168 123 4567',
    province: 'Thừa Thiên Huế',
    commune: 'Phường Phú Hội',
  },
  {
    full_name: 'Phạm Minh Đức',
    dob: '05/11/1978',
    gender: 'nam',
    id_number: '079078001122',
    phone: '0903000111',
    province: 'TP Hồ Chí Minh',
    district: 'Quận 1',
    commune: 'Phường Bến Nghé',
    old_id_number: '023456789',
  },
];

/**
 * The probe records, cleaned with a fixed "today".
 *
 * @example
 * ```ts
 * findIdFields(pipelineSpec, probeRecords());
 * ```
 */
export function probeRecords(): CleanRecord[] {
  const date = new Date(Date.UTC(2026, 0, 1));
  return RAW.map((raw, i) => cleanRecord(raw, { key: `probe${i}`, referenceDate: date }).record);
}
