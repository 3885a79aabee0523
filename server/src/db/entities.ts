import { BindingCode, User } from '../auth/user.entity.js';
import { Inspection, InspectionDepartment } from '../inspections/inspection.entities.js';
import { SigningKey } from '../keys/signingKey.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { RateLimitHit } from '../ratelimit/rateLimitHit.entity.js';
import { Rating } from '../ratings/rating.entity.js';
import {
  Department,
  Enterprise,
  ExemptEnterprise,
  ExemptItem,
  Item,
  Officer,
  Scenario,
} from '../registry/registry.entities.js';
import { IssuanceFlag, IssuanceGuard } from '../rules/rules.entities.js';
import { Setting } from '../settings/setting.entity.js';
import { AuditCount, AuditEntry } from '../supervision/audit.entity.js';
import { Complaint, ComplaintEvent } from '../supervision/complaint.entities.js';
import { StatsDay } from '../supervision/statsDay.entity.js';

/** Every table of the product; migrations under ./migrations create them. */
export const entities = [
  Setting,
  RateLimitHit,
  SigningKey,
  User,
  BindingCode,
  Department,
  Officer,
  Enterprise,
  Item,
  Scenario,
  ExemptEnterprise,
  ExemptItem,
  Plan,
  Inspection,
  InspectionDepartment,
  Rating,
  Complaint,
  ComplaintEvent,
  AuditEntry,
  AuditCount,
  IssuanceGuard,
  IssuanceFlag,
  StatsDay,
];
