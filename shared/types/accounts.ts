import type { Role, StaffRole } from '#shared/domain/roles'

// Accounts and real-name identity (API.md "Accounts", "Resident"): what the routes answer.

/** POST /api/v1/auth/login and /register: who was signed in. */
export interface UserDto { id: string, role: Role }

/** GET /api/v1/me: who is signed in. */
export interface MeDto { id: string, role: Role, phoneMasked: string, identityVerified: boolean, merchantId?: string }

/** The real-name identity bound to a resident account, masked (GET/POST /api/v1/me/identity). */
export interface IdentityDto { nameMasked: string, idNumberMasked: string }

/** A staff account in the bureau's list (GET /api/v1/admin/staff). */
export interface StaffMemberDto {
  id: string
  phone: string
  role: StaffRole
  createdAt: string
  lastLoginAt: string | null
}

/** POST /api/v1/admin/staff: the account made. */
export interface CreatedStaffDto extends UserDto { phoneMasked: string }
