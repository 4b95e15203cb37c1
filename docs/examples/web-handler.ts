// A web handler: validate one record typed into a form and score it against a small register
// held in memory. Pure core functions: no files, no threads (this also runs in a browser).
import { cleanRecord, linkRecords, type RowObject } from 'vn-reconcile';

const register: RowObject[] = [
  {
    person_id: 'P1',
    full_name: 'Nguyễn Văn An',
    dob: '1990-05-03',
    gender: 'nam',
    id_number: '001090012345',
    commune: 'Phường Láng Hạ',
  },
  {
    person_id: 'P2',
    full_name: 'Trần Thị Bình',
    dob: '1985-01-20',
    gender: 'nữ',
    id_number: '001185000111',
    commune: 'Phường Kim Liên',
  },
  {
    person_id: 'P3',
    full_name: 'Lê Văn Cường',
    dob: '1978',
    gender: 'nam',
    id_number: '',
    commune: 'Xã Đông Anh',
  },
];

/** What the handler answers. */
export interface Answer {
  readonly status: 200 | 422;
  readonly issues: readonly string[];
  readonly decision?: string;
  readonly personId?: string;
  readonly probability?: number;
  readonly explanation?: string;
}

/** Handles one submitted form (field name → value). */
export function handle(form: RowObject): Answer {
  const { issues } = cleanRecord({
    full_name: String(form['full_name'] ?? ''),
    dob: String(form['dob'] ?? ''),
    gender: String(form['gender'] ?? ''),
    id_number: String(form['id_number'] ?? ''),
  });
  const errors = issues.filter((i) => i.severity === 'error').map((i) => i.code);
  if (errors.length > 0) return { status: 422, issues: errors };
  const linked = linkRecords([{ form: 'submitted', ...form }], register);
  if (!linked.success) return { status: 422, issues: linked.issues.map((i) => i.code) };
  const row = linked.data.rows[0]!;
  return {
    status: 200,
    issues: issues.map((i) => i.code),
    decision: row.decision,
    ...(row.rightId === undefined ? {} : { personId: row.rightId }),
    ...(row.probability === undefined ? {} : { probability: row.probability }),
    explanation: row.explanation,
  };
}
