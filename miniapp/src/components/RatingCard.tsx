import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Rating, RatingIssue } from '@inspection-code/shared';
import { api, type DepartmentView } from '../services/api';
import { discardDraft, loadDraft, saveDraft, toRatingInput, type RatingDraft } from '../services/drafts';
import { describeError, type ErrorMessage } from '../services/errors';
import { ApiError } from '../services/request';
import { formatShanghai } from '../services/time';
import { T } from '../strings';
import { ActionButton } from './ActionButton';
import { Card, Row } from './Card';
import { Choice } from './Choice';
import { ErrorNotice, Notice } from './Notice';
import { TextArea } from './TextArea';

const ISSUES: RatingIssue[] = ['repeated', 'inaction', 'abusive'];

export type RatingCardProps = {
  codeNo: string;
  department: DepartmentView;
  revoked: boolean;
  /** This page's URL, to come back to after signing in again. */
  back: string;
  /** The server says the department was rated meanwhile: reload the inspection. */
  onStale: () => void;
};

/** One department: the form while it can be rated, the receipt once it has been. */
export function RatingCard({ codeNo, department, revoked, back, onStale }: RatingCardProps) {
  const code = department.departmentCode;
  const [draft, setDraft] = useState<RatingDraft>(() => loadDraft(codeNo, code));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [receipt, setReceipt] = useState<Rating | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const rating = receipt ?? department.rating ?? null;

  const change = (patch: Partial<RatingDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saveDraft(codeNo, code, next);
    setError(null);
  };
  const toggle = <K extends 'disputedItemCodes' | 'issues'>(key: K, value: RatingDraft[K][number], on: boolean) => {
    const list = draft[key] as string[];
    change({ [key]: on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value) } as Partial<RatingDraft>);
  };

  const submit = async () => {
    const checked = toRatingInput(code, draft);
    if (!checked.ok) {
      setError({ message: checked.message, next: 'fix' });
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const saved = await api.rate(codeNo, checked.input);
      discardDraft(codeNo, code);
      setReceipt(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_RATED') {
        // Rated meanwhile (another phone, another tab): say so politely and show that rating.
        discardDraft(codeNo, code);
        setInfo(T.errors.alreadyRated);
        onStale();
      } else {
        // The draft stays in state and in storage: nothing typed is lost.
        setError(describeError(e, { UNKNOWN_REFERENCE: { message: T.errors.unknownDepartment, next: 'none' } }));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const title = (
    <Text className="card__title" data-testid="rating-department">
      {department.name}
    </Text>
  );

  if (rating) {
    return (
      <Card title={title} testId={`rating-${code}`} className="rating">
        {info && (
          <Notice tone="info" testId="rating-info">
            <Text className="notice__text">{info}</Text>
          </Notice>
        )}
        <Receipt codeNo={codeNo} department={department} rating={rating} fresh={receipt !== null} />
      </Card>
    );
  }

  if (revoked || !department.completedAt) {
    return (
      <Card title={title} testId={`rating-${code}`} className="rating">
        <Text className="muted paragraph" data-testid="rating-unavailable">
          {revoked ? T.rate.revoked : T.rate.notCompleted}
        </Text>
      </Card>
    );
  }

  return (
    <Card title={title} testId={`rating-${code}`} className="rating">
      <Text className="question">{T.rate.question}</Text>
      <View className="choices choices--two">
        <Choice
          kind="radio"
          tone="good"
          label={T.rate.recognised}
          checked={draft.recognised === true}
          onChange={() => change({ recognised: true })}
          testId="choice-recognised"
        />
        <Choice
          kind="radio"
          tone="bad"
          label={T.rate.notRecognised}
          checked={draft.recognised === false}
          onChange={() => change({ recognised: false })}
          testId="choice-not-recognised"
        />
      </View>

      {draft.recognised === false && (
        <View className="group" data-testid="disputed">
          <Text className="question">{T.rate.disputed}</Text>
          <View className="choices">
            {department.items.map((item) => (
              <Choice
                key={item.code}
                label={item.name}
                checked={draft.disputedItemCodes.includes(item.code)}
                onChange={(on) => toggle('disputedItemCodes', item.code, on)}
                testId={`disputed-${item.code}`}
              />
            ))}
          </View>
        </View>
      )}

      <View className="group">
        <Text className="question">{T.rate.issues}</Text>
        <View className="choices">
          {ISSUES.map((issue) => (
            <Choice
              key={issue}
              label={T.issue[issue]}
              checked={draft.issues.includes(issue)}
              onChange={(on) => toggle('issues', issue, on)}
              testId={`issue-${issue}`}
            />
          ))}
        </View>
      </View>

      <View className="group">
        <Text className="question">{T.rate.comment}</Text>
        <TextArea
          label={T.rate.comment}
          value={draft.comment}
          onChange={(comment) => change({ comment })}
          placeholder={T.rate.commentPlaceholder}
          testId="comment"
        />
      </View>

      {error && (
        <View className="group">
          <ErrorNotice error={error} back={back} onRetry={() => void submit()} testId="rating-error" />
          {error.next !== 'fix' && <Text className="muted small">{T.rate.draftKept}</Text>}
        </View>
      )}

      <ActionButton size="large" disabled={submitting} onClick={() => void submit()} testId="submit-rating" className="group">
        {submitting ? T.rate.submitting : T.rate.submit}
      </ActionButton>
    </Card>
  );
}

type ReceiptProps = { codeNo: string; department: DepartmentView; rating: Rating; fresh: boolean };

function Receipt({ codeNo, department, rating, fresh }: ReceiptProps) {
  const names = new Map(department.items.map((i) => [i.code, i.name]));
  return (
    <View className="receipt" data-testid="receipt">
      <View className="receipt__head">
        <View className="receipt__mark">✓</View>
        <Text className="receipt__title">{fresh ? T.rate.receipt : T.complaints.rated}</Text>
      </View>
      <Text className="muted small block">{T.rate.receiptNo(codeNo, department.name)}</Text>
      <Row label={T.rate.yourRating}>
        <Text className={`badge ${rating.recognised ? 'badge--good' : 'badge--bad'}`} data-testid="receipt-recognised">
          {rating.recognised ? T.rate.recognised : T.rate.notRecognised}
        </Text>
      </Row>
      {!rating.recognised && (
        <Row label={T.rate.receiptDisputed}>
          <Text>{rating.disputedItemCodes.length ? rating.disputedItemCodes.map((c) => names.get(c) ?? c).join('、') : T.rate.none}</Text>
        </Row>
      )}
      <Row label={T.rate.receiptIssues}>
        <Text data-testid="receipt-issues">{rating.issues.length ? rating.issues.map((i) => T.issue[i]).join('、') : T.rate.none}</Text>
      </Row>
      {rating.comment && (
        <Row label={T.rate.receiptComment}>
          <Text>{rating.comment}</Text>
        </Row>
      )}
      <Row label={T.rate.ratedAt}>
        <Text>{formatShanghai(rating.ratedAt)}</Text>
      </Row>
    </View>
  );
}
