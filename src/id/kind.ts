/**
 * The kinds of identity number vn-reconcile recognises.
 * - `cccd`: 12-digit căn cước công dân / personal identification number (số định danh cá nhân).
 * - `cmnd9`: 9-digit chứng minh nhân dân (old ID card).
 * - `cmnd12`: 12-digit CMND issued 2012–2016 (kept as the CCCD number).
 * - `passport`: one capital letter + 7 digits (hộ chiếu).
 */
export type IdKind = 'cccd' | 'cmnd9' | 'cmnd12' | 'passport';
