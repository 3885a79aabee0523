import { Text, View } from '@tarojs/components';
import { kindFromLetter, type CodeClaims } from '@inspection-code/shared';
import type { InspectionView } from '../services/api';
import { formatShanghai, formatWindow } from '../services/time';
import { T } from '../strings';
import { Card, Row } from './Card';

export type InspectionRecordProps = { inspection: InspectionView };

/** The full record, as the server returns it: task, departments, officers, items, validity. */
export function InspectionRecord({ inspection: i }: InspectionRecordProps) {
  return (
    <View data-testid="record">
      <Card title={T.result.task}>
        <Row label={T.result.kind} testId="record-kind">
          <Text className="strong">{T.kind[i.kind]}</Text>
        </Row>
        {i.kind === 'planned' && i.planNo && (
          <Row label={T.result.planNo} testId="record-plan">
            <Text className="mono">{i.planNo}</Text>
          </Row>
        )}
        {i.kind !== 'planned' && i.reason && (
          <Row label={T.result.reason} testId="record-reason">
            <Text>{i.reason}</Text>
          </Row>
        )}
        {i.kind === 'triggered' && i.clueRef && (
          <Row label={T.result.clueRef}>
            <Text className="mono">{i.clueRef}</Text>
          </Row>
        )}
        {i.kind === 'emergency' && i.startedAt && (
          <Row label={T.result.startedAt}>
            <Text>{formatShanghai(i.startedAt)}</Text>
          </Row>
        )}
        <Row label={T.result.enterprise} testId="record-enterprise">
          <Text className="strong">{i.enterprise.name}</Text>
          <Text className="mono muted block">{i.enterprise.creditCode}</Text>
        </Row>
        <Row label={T.result.validity} testId="record-validity">
          <Text>{formatWindow(i.validFrom, i.validTo)}</Text>
        </Row>
        <Row label={T.result.codeNo}>
          <Text className="mono">{i.codeNo}</Text>
        </Row>
        <Row label={T.result.status} testId="record-status">
          <Text className={`badge badge--${i.status}`}>
            {i.status === 'revoked' ? T.result.revoked(i.revokeReason) : T.status[i.status]}
          </Text>
        </Row>
        {i.checkedInAt && (
          <Row label={T.result.checkedInAt}>
            <Text>{formatShanghai(i.checkedInAt)}</Text>
          </Row>
        )}
      </Card>

      {i.notice && (
        <Card title={i.notice.title || T.result.notice}>
          <Text className="paragraph">{i.notice.text}</Text>
        </Card>
      )}

      {i.departments.map((d) => (
        <Card key={d.departmentCode} title={d.name} testId={`department-${d.departmentCode}`}>
          <Row label={T.result.officers}>
            {d.officers.map((o) => (
              <View key={o.certNo} className="officer" data-testid="officer">
                <Text className="officer__name">{o.name}</Text>
                <Text className="officer__cert">
                  {T.result.certNo} <Text className="mono">{o.certNo}</Text>
                </Text>
              </View>
            ))}
          </Row>
          <Row label={T.result.items}>
            {d.items.map((item) => (
              <Text key={item.code} className="item" data-testid="item">
                {item.name}
              </Text>
            ))}
          </Row>
          <Row label={T.result.progress}>
            <Text>{d.completedAt ? T.result.completedAt(formatShanghai(d.completedAt)) : T.result.notCompleted}</Text>
          </Row>
          {d.summary && (
            <Row label={T.result.summary}>
              <Text>{d.summary}</Text>
            </Row>
          )}
        </Card>
      ))}
    </View>
  );
}

export type ClaimsSummaryProps = { claims: CodeClaims; ownCreditCode: string | null };

/** What the signed code itself says, for an offline verdict: no names, no officers, no revocation. */
export function ClaimsSummary({ claims, ownCreditCode }: ClaimsSummaryProps) {
  return (
    <Card title={T.result.codeInfo} testId="claims">
      <Row label={T.result.kind}>
        <Text className="strong">{T.kind[kindFromLetter(claims.k)]}</Text>
      </Row>
      <Row label={T.result.enterprise}>
        <Text className="mono">{claims.e}</Text>
        {ownCreditCode === claims.e && <Text className="muted"> （本企业）</Text>}
      </Row>
      <Row label={T.result.departmentCodes}>
        <Text className="mono">{claims.d.join('、')}</Text>
      </Row>
      <Row label={T.result.validity}>
        <Text>{formatWindow(claims.nbf * 1000, claims.exp * 1000)}</Text>
      </Row>
      <Row label={T.result.codeNo}>
        <Text className="mono">{claims.c}</Text>
      </Row>
    </Card>
  );
}
