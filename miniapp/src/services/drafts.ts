/**
 * Rating drafts, kept in storage as they are typed, so nothing is lost on a failed submit, an
 * expired session (sign-in navigates away) or the app being closed. Removed once accepted.
 */
import { ratingInput, type RatingInput, type RatingIssue } from '@inspection-code/shared';
import { T } from '../strings';
import { readStored, removeStored, writeStored } from './storage';

export interface RatingDraft {
  recognised: boolean | null;
  disputedItemCodes: string[];
  issues: RatingIssue[];
  comment: string;
}

export const emptyDraft = (): RatingDraft => ({ recognised: null, disputedItemCodes: [], issues: [], comment: '' });

const key = (codeNo: string, departmentCode: string) => `ic.draft.${codeNo}.${departmentCode}`;

export function loadDraft(codeNo: string, departmentCode: string): RatingDraft {
  const stored = readStored<Partial<RatingDraft>>(key(codeNo, departmentCode));
  if (!stored) return emptyDraft();
  return {
    recognised: typeof stored.recognised === 'boolean' ? stored.recognised : null,
    disputedItemCodes: Array.isArray(stored.disputedItemCodes) ? stored.disputedItemCodes : [],
    issues: Array.isArray(stored.issues) ? stored.issues : [],
    comment: typeof stored.comment === 'string' ? stored.comment : '',
  };
}

export function saveDraft(codeNo: string, departmentCode: string, draft: RatingDraft): void {
  writeStored(key(codeNo, departmentCode), draft);
}

export function discardDraft(codeNo: string, departmentCode: string): void {
  removeStored(key(codeNo, departmentCode));
}

export type DraftCheck = { ok: true; input: RatingInput } | { ok: false; message: string };

/** The request body for a draft, validated with the shared `ratingInput` schema before sending. */
export function toRatingInput(departmentCode: string, draft: RatingDraft): DraftCheck {
  if (draft.recognised === null) return { ok: false, message: T.rate.chooseFirst };
  const comment = draft.comment.trim();
  const candidate = {
    departmentCode,
    recognised: draft.recognised,
    // Disputed items only belong to a "not recognised" rating; switching back keeps them in the draft.
    ...(draft.recognised ? {} : { disputedItemCodes: draft.disputedItemCodes }),
    issues: draft.issues,
    ...(comment ? { comment } : {}),
  };
  const parsed = ratingInput.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const first = parsed.error.issues[0];
  if (first?.path[0] === 'comment') return { ok: false, message: T.errors.commentTooLong };
  return { ok: false, message: T.errors.validation };
}
