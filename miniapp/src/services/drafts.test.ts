import { describe, expect, it } from 'vitest';
import { emptyDraft, toRatingInput } from './drafts';

describe('rating drafts → request body (shared ratingInput schema)', () => {
  it('needs a choice first', () => {
    expect(toRatingInput('SHSC', emptyDraft())).toEqual({ ok: false, message: '请先选择“认可”或“不认可”。' });
  });

  it('drops disputed items from a recognised rating but keeps issues and a trimmed comment', () => {
    const draft = { recognised: true, disputedItemCodes: ['SC-002'], issues: ['repeated' as const], comment: '  好  ' };
    expect(toRatingInput('SHSC', draft)).toEqual({
      ok: true,
      input: { departmentCode: 'SHSC', recognised: true, issues: ['repeated'], comment: '好' },
    });
  });

  it('refuses a comment over 1000 characters with a sentence that says so', () => {
    const draft = { recognised: false, disputedItemCodes: [], issues: [], comment: '长'.repeat(1001) };
    expect(toRatingInput('SHSC', draft)).toEqual({ ok: false, message: '补充说明最多 1000 字，请删减后重新提交。' });
  });
});
