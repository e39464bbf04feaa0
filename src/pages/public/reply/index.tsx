// One disclosed suggestion for the public: its text (or the disclosed summary), every signed reply in
// full as disclosed, and the deputy's ratings. Readable without login.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PublicSuggestionDetail } from '../../../contract';
import { useQuery } from '../../../hooks/use-query';
import { formatDate } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Phrases } from '../../../components/phrases';
import { guarded } from '../../../components/page-guard';

function Detail({ s }: { s: PublicSuggestionDetail }) {
  return (
    <View>
      <View className="card">
        <View className="card-head">
          <Text className="card-number">{s.number}号</Text>
          <Text className="tag">{s.disclosureMode === 'full' ? '全文公开' : '摘要公开'}</Text>
        </View>
        <View className="card-title" id="public-title">
          {s.title}
        </View>
        <View className="card-meta">
          领衔代表：{s.leadDeputyName} · {s.delegation}
        </View>
        <View className="card-meta">
          {s.session} · 公开日期：<Text className="nowrap">{formatDate(s.disclosedAt)}</Text>
        </View>
      </View>
      <View className="section-title">{s.disclosureMode === 'full' ? '建议内容' : '建议摘要'}</View>
      <View className="card card-text" id="public-content">
        {s.content}
      </View>
      <View className="section-title">办理答复</View>
      {s.replies.length === 0 ? <View className="state">暂无公开的答复</View> : null}
      {s.replies.map((r, i) => (
        <View key={i} className="card public-reply" id={`public-reply-${i}`}>
          <View className="card-head">
            <Text className="card-number">{r.unitName}</Text>
            <Phrases className="tag" text={r.classLabel} />
          </View>
          <View className="card-meta">
            第{r.round}次答复 · 签发日期：<Text className="nowrap">{formatDate(r.signedAt)}</Text>
          </View>
          <View className="card-text">{r.text}</View>
        </View>
      ))}
      {s.feedback.length > 0 ? (
        <View>
          <View className="section-title">代表评价</View>
          {s.feedback.map((f, i) => (
            <View key={i} className="card card-meta" id={`public-feedback-${i}`}>
              第{f.round}次答复：办理态度{f.attitudeLabel}，办理结果{f.resultLabel}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function PublicReplyView({ id }: { id: string }) {
  const query = useQuery('public.get', { id });
  return (
    <Screen id="public-reply-page">
      <QueryView query={query}>{(s) => <Detail s={s} />}</QueryView>
    </Screen>
  );
}

function PublicReplyPage() {
  const id = Taro.getCurrentInstance().router?.params?.id ?? '';
  return <PublicReplyView id={id} />;
}

export default guarded(PublicReplyPage);
