// The office's numbers (统计): the year's figures, its summary in the form of the office's report
// (年度总结) when asked for, then the figures of all years with each unit's (current supervision:
// overdue and at-risk tasks). On opening the page reads only the counters (stats.summary, a few
// requests whatever the scale); the summary reads the year's records, so it waits for a tap.
// Every figure is computed by the core on the server; this page only shows it, in words. 上一年/下一年
// step among the years with suggestions (stats.years) and this year, never to an empty year.
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { AnnualReportResult, StatsSummary } from '../../../contract';
import { useQuery } from '../../../hooks/use-query';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { openFile } from '../../../components/open-file';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { Figures, UnitFigures } from './figures';
import { guarded } from '../../../components/page-guard';

function Report({ report }: { report: AnnualReportResult }) {
  return (
    <View>
      <View className="section-title">{report.title}</View>
      <View className="card card-text" id="annual-text">
        {report.summary}
      </View>
      <View className="section-title">建议吸收采纳情况（A类、B类）</View>
      {report.adopted.length === 0 ? (
        <View className="state" id="adopted-empty">
          本年度暂无 A 类、B 类答复
        </View>
      ) : (
        <View className="list desk-grid" id="adopted">
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

/** The year's report as a Word document, with the office's own sections where it writes them. */
function ReportDocument({ year }: { year: number }) {
  const [practices, setPractices] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const write = useAction('report.annual');
  const [done, setDone] = useState<string | null>(null);
  const make = async () => {
    setDone(null);
    const response = await write.run({ year, format: 'docx', ...(practices.trim() ? { practices: practices.trim() } : {}), ...(nextSteps.trim() ? { nextSteps: nextSteps.trim() } : {}) });
    if (response.ok && response.data.url) {
      setDone(response.data.fileName ?? '');
      await openFile(response.data.url, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    }
  };
  return (
    <View className="section" id="report-document">
      <View className="section-title">年度总结文档（Word）</View>
      <TextField id="report-practices" label="主要做法（可不填，填写后写入文档）" value={practices} onChange={setPractices} multiline />
      <TextField id="report-next-steps" label="下步工作措施（可不填）" value={nextSteps} onChange={setNextSteps} multiline />
      <FormError message={write.error?.message} />
      {done ? (
        <View className="state" id="report-document-done">
          已生成：{done}
        </View>
      ) : null}
      <SubmitButton id="report-document-btn" text="生成并打开 Word 文档" pending={write.pending} onClick={() => void make()} />
    </View>
  );
}

function AllYears({ summary }: { summary: StatsSummary }) {
  if (summary.received === 0) return <Empty text="还没有建议" />;
  return (
    <View>
      <View className="card-meta" id="all-today">
        统计至{summary.today}（{summary.scope.unitName}）
      </View>
      <Figures s={summary} prefix="all-stat" />
      {summary.perUnit.length > 0 ? <View className="section-title">各承办单位</View> : null}
      <UnitFigures units={summary.perUnit} />
    </View>
  );
}

/** The year's summary and adopted suggestions, read when asked for. */
function YearReport({ year }: { year: number }) {
  const report = useQuery('report.annual', { year });
  return <QueryView query={report}>{(r) => <Report report={r} />}</QueryView>;
}

function YearFigures({ year }: { year: number }) {
  const figures = useQuery('stats.summary', { year });
  return <QueryView query={figures}>{(s) => (s.received === 0 ? <Empty text={`${year}年还没有收到建议`} /> : <Figures s={s} />)}</QueryView>;
}

export function StatsView({ year: thisYear }: { year: number }) {
  const [year, setYear] = useState(thisYear);
  // The summary shown for this year only: another year starts with its figures again.
  const [reportYear, setReportYear] = useState<number | null>(null);
  const summary = useQuery('stats.summary', {});
  const withData = useQuery('stats.years', {});
  const years = withData.state.status === 'data' ? withData.state.data.years : [];
  const earlier = years.filter((y) => y < year).sort((a, b) => b - a)[0];
  const later = [...years.filter((y) => y > year && y <= thisYear), ...(year < thisYear ? [thisYear] : [])].sort((a, b) => a - b)[0];
  return (
    <Screen id="stats-page">
      <View className="section-title" id="year-now">
        {year}年
      </View>
      <View className="choices" id="year-bar">
        {earlier !== undefined ? (
          <Button className="choice" id="year-prev" onClick={() => setYear(earlier)}>
            上一年（{earlier}年）
          </Button>
        ) : null}
        {later !== undefined ? (
          <Button className="choice" id="year-next" onClick={() => setYear(later)}>
            下一年（{later}年）
          </Button>
        ) : null}
      </View>
      <YearFigures key={year} year={year} />
      {reportYear === year ? (
        <YearReport year={year} />
      ) : (
        <SubmitButton id="report-open" kind="default" text={`查看${year}年度总结和采纳的建议`} pending={false} onClick={() => setReportYear(year)} />
      )}
      <ReportDocument year={year} />
      <View className="section" id="all-years">
        <View className="section-title">全部年度（含当前超期、临期）</View>
        <QueryView query={summary}>{(s) => <AllYears summary={s} />}</QueryView>
      </View>
    </Screen>
  );
}

/** The report opens on this year by the server's clock (me.clock), never the phone's. */
export function StatsScreen() {
  const me = useQuery('me', {});
  return (
    <QueryView query={me}>{({ clock }) => <StatsView year={clock.year} />}</QueryView>
  );
}

function StatsPage() {
  return <StatsScreen />;
}

export default guarded(StatsPage);
