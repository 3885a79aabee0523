import type { Role } from '@inspection-code/shared';

/** Who is calling, as resolved from the session token and the database on every request. */
export type Principal =
  | { role: 'enterprise'; subject: string; userId: string; creditCode: string | null }
  | { role: 'officer'; subject: string; certNo: string; departmentCode: string }
  | { role: 'supervisor' | 'admin'; subject: string };

export type Access = 'anyone' | readonly Role[];
