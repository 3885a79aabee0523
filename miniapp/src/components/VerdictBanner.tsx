import { Text, View } from '@tarojs/components';
import type { Verdict } from '@inspection-code/shared';
import { T, verdictText } from '../strings';

export type VerdictTone = 'ok' | 'warn' | 'danger' | 'neutral';

export function verdictTone(verdict: Verdict): VerdictTone {
  switch (verdict) {
    case 'valid':
      return 'ok';
    case 'not_yet_valid':
    case 'unknown_key':
      return 'warn';
    case 'malformed':
      return 'neutral';
    case 'expired':
    case 'revoked':
    case 'forged':
    case 'wrong_enterprise':
      return 'danger';
  }
}

const MARK: Record<VerdictTone, string> = { ok: '✓', warn: '!', danger: '✕', neutral: '?' };

export type VerdictBannerProps = {
  verdict: Verdict;
  /** offline: reached with the cached keys only (SPEC §6: says so); online: the server's verdict. */
  source: 'offline' | 'online';
  checking?: boolean;
};

/** The verdict first, in the SPEC's words, large enough to read at arm's length. */
export function VerdictBanner({ verdict, source, checking = false }: VerdictBannerProps) {
  const tone = verdictTone(verdict);
  return (
    <View className={`verdict verdict--${tone}`} role="status" data-testid="verdict" data-verdict={verdict} data-source={source}>
      <View className="verdict__top">
        <Text className="verdict__tag" data-testid="verdict-source">
          {source === 'offline' ? T.result.offline : T.result.online}
        </Text>
        {checking && <Text className="verdict__checking">{T.result.checking}</Text>}
      </View>
      <View className="verdict__main">
        <View className="verdict__mark">{MARK[tone]}</View>
        <Text className="verdict__words" data-testid="verdict-words">
          {verdictText[verdict].words}
        </Text>
      </View>
      <Text className="verdict__advice" data-testid="verdict-advice">
        {verdictText[verdict].advice}
      </Text>
    </View>
  );
}
