import { z } from 'zod';
import { PERMISSION_NAMES, ROLES } from '../../platform/permissions';

export const RoleAssignment = z.object({
  siteId: z.string().min(1).describe('Site id'),
  role: z.enum(ROLES).describe('Role at that site'),
});

export const CS_PRIVILEGES = ['none', 'CIII-V', 'CII-V'] as const;

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'must be 3–40 characters: letters, digits, dot, dash or underscore')
    .describe('Sign-in name'),
  displayName: z.string().trim().min(2).max(120).describe('Printed name (used on e-signatures)'),
  password: z.string().min(10, 'must be at least 10 characters').max(256),
  roles: z.array(RoleAssignment).min(1, 'must assign at least one role').max(200),
  clearanceLevel: z
    .number()
    .int()
    .min(0)
    .max(5)
    .default(0)
    .describe('Clearance level attribute (federal settings)'),
  csPrivileges: z.enum(CS_PRIVILEGES).default('none').describe('Controlled-substance privileges'),
});
export type UserInput = z.infer<typeof UserInput>;

export const UserOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  isActive: z.boolean(),
  lockedUntil: z.string().nullable(),
  clearanceLevel: z.number(),
  csPrivileges: z.string(),
  roles: z.array(RoleAssignment),
});

export const TokenInput = z.object({
  name: z.string().trim().min(2).max(80).describe('What the token is for'),
  userId: z.string().optional().describe('User the token acts as (default: the caller)'),
  scopes: z
    .array(z.enum(PERMISSION_NAMES as [string, ...string[]]))
    .optional()
    .describe('Permissions the token is limited to (default: all of the user)'),
  siteId: z.string().optional().describe('Limit the token to one site'),
  expiresAt: z.iso.datetime().optional().describe('When the token stops working'),
});
export type TokenInput = z.infer<typeof TokenInput>;

export const TokenOut = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  username: z.string(),
  scopes: z.array(z.string()).nullable(),
  siteId: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const CreatedTokenOut = z.object({
  id: z.string(),
  token: z.string().describe('The secret: shown only now'),
  name: z.string(),
  userId: z.string(),
  scopes: z.array(z.string()).nullable(),
  siteId: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
