/** Who an account is (users.role): residents and merchants sign up; staff accounts are made by an administrator. */
export const ROLES = ['resident', 'merchant', 'reviewer', 'admin'] as const
export type Role = typeof ROLES[number]

/** The bureau's staff (区经济促进局): reviewers and administrators. */
export const STAFF_ROLES = ['reviewer', 'admin'] as const satisfies readonly Role[]
export type StaffRole = typeof STAFF_ROLES[number]

/** The roles a person may sign up with. */
export const SIGN_UP_ROLES = ['resident', 'merchant'] as const satisfies readonly Role[]
export type SignUpRole = typeof SIGN_UP_ROLES[number]

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role)
}
