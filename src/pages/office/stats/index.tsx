// The office's numbers (统计) and the year's summary in the form of its report (年度总结).
// Every figure is computed by the core on the server; this page only shows it, in words.
import { Text, View } from '@tarojs/components';
import type { AnnualReportResult } from '../../../core/contract';
import { percent } from '../../../core/annual-report';
import { PHASE_LABELS, UNIT_ROLE_LABELS } from '../../../core/labels';
import type { Headline } from '../../../core/metrics';
import type { Phase, UnitRole } from '../../../core/model';
import { useQuery } from '../../../hooks/use-query';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';

const rate = (r: number | null) => (r === null ? '—' : percent(r));

function Figure({ id, name, value, detail }: { id: string; name: string; value: string; detail?: string }) {
  return (
    <View className="card-meta" id={id}>
      <Text className="figure-name">{name}：</Text>
      <Text className="figure-value">{value}</Text>
      {detail ? <Text>（{detail}）</Text> : null}
    </View>
  );
}

function Figures({ h, overdue, atRisk }: { h: Headline; overdue: number; atRisk: number }) {
  return (
    <View className="card" id="stats-figures">
      <Figure id="stat-received" name="收到建议" value={`${h.received}件`} detail={`交办${h.assigned}件`} />
      <Figure id="stat-completion" name="办结率" value={rate(h.completionRate)} detail={`已办结${h.done}件`} />
      <Figure id="stat-on-time" name="按时办结率" value={rate(h.onTimeRate)} detail={`按时办结${h.onTimeDone}件`} />
      <Figure id="stat-face" name="面复率" value={rate(h.faceToFaceRate)} detail={`已答复${h.replied}件，面复${h.faceToFace}件`} />
      <Figure id="stat-satisfaction" name="代表满意率" value={rate(h.satisfactionRate)} detail={`已评价${h.rated}件`} />
      <Figure
        id="stat-attitude"
        name="办理态度"
        value={`满意${h.attitude.satisfied}、基本满意${h.attitude.basic}、不满意${h.attitude.unsatisfied}`}
      />
      <Figure id="stat-result" name="办理结果" value={`满意${h.result.satisfied}、基本满意${h.result.basic}、不满意${h.result.unsatisfied}`} />
      <Figure id="stat-adoption" name="采纳率（A类+B类）" value={rate(h.adoptionRate)} detail={`A类${h.byClass.A}、B类${h.byClass.B}、C类${h.byClass.C}、D类${h.byClass.D}`} />
      <Figure
        id="stat-roles"
        name="承办类别"
        value={(Object.keys(h.byRole) as UnitRole[]).map((r) => `${UNIT_ROLE_LABELS[r]}${h.byRole[r]}件`).join('、')}
      />
      <Figure
        id="stat-phases"
        name="提出阶段"
        value={(Object.keys(h.byPhase) as Phase[]).map((p) => `${PHASE_LABELS[p]}${h.byPhase[p]}件`).join('、')}
      />
      <Figure id="stat-overdue" name="已超期" value={`${overdue}项`} detail={`临期${atRisk}项`} />
    </View>
  );
}

function Report({ report }: { report: AnnualReportResult }) {
  return (
    <View>
      <View className="section-title">{report.title}</View>
      <View className="card card-text" id="annual-text">
        {report.summary}
      </View>
      <Figures h={report.stats} overdue={report.stats.overdue} atRisk={report.stats.atRisk} />
      <View className="section-title">建议吸收采纳情况（A类、B类）</View>
      {report.adopted.length === 0 ? (
        <View className="state" id="adopted-empty">
          本年度暂无 A 类、B 类答复
        </View>
      ) : (
        <View className="list" id="adopted">
          {report.adopted.map((a) => (
            <View className="card" key={a.suggestionId}>
              <View className="card-title">
                {a.number}号 {a.title}
              </View>
              <View className="card-meta">
                {a.deputies.join('、')}代表 · {a.classLabel}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

export function StatsView({ year }: { year: number }) {
  const query = useQuery('report.annual', { year });
  return (
    <Screen id="stats-page">
      <QueryView query={query}>{(report) => <Report report={report} />}</QueryView>
    </Screen>
  );
}

export default function StatsPage() {
  // The year of the report: this year in Beijing time.
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  return <StatsView year={year} />;
}
