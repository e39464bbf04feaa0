// The named figures of the core's metrics, in words: each rate with its name, its value as a
// percentage ("—" when there is nothing to count) and the counts it is computed from.
import { Text, View } from '@tarojs/components';
import type { StatsSummary } from '../../../contract';
import { percent } from '../../../core/annual-report';
import { PHASE_LABELS, UNIT_ROLE_LABELS } from '../../../core/labels';
import type { Headline } from '../../../core/metrics';
import type { Phase, UnitRole } from '../../../core/model';

export const rate = (r: number | null) => (r === null ? '—' : percent(r));

function Figure({ id, name, value, detail }: { id: string; name: string; value: string; detail?: string }) {
  return (
    <View className="card-meta" id={id}>
      <Text className="figure-name">{name}：</Text>
      <Text className="figure-value">{value}</Text>
      {detail ? <Text>（{detail}）</Text> : null}
    </View>
  );
}

const classified = (h: Headline) => h.byClass.A + h.byClass.B + h.byClass.C + h.byClass.D;

/** Every headline figure of one scope; `prefix` keeps the ids apart when a page shows two scopes. */
export function Figures({ s, prefix = 'stat' }: { s: StatsSummary; prefix?: string }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <View className="card figures" id={id('figures')}>
      <Figure id={id('received')} name="收到建议" value={`${s.received}件`} detail={`交办${s.assigned}件`} />
      <Figure id={id('completion')} name="办结率" value={rate(s.completionRate)} detail={`已办结${s.done}件÷交办${s.assigned}件`} />
      <Figure id={id('on-time')} name="按时办结率" value={rate(s.onTimeRate)} detail={`按时办结${s.onTimeDone}件÷已办结${s.done}件`} />
      <Figure id={id('face')} name="面复率" value={rate(s.faceToFaceRate)} detail={`面复${s.faceToFace}件÷已答复${s.replied}件`} />
      <Figure id={id('satisfaction')} name="代表反馈满意率" value={rate(s.satisfactionRate)} detail={`已评价${s.rated}件`} />
      <Figure id={id('attitude')} name="办理态度" value={`满意${s.attitude.satisfied}、基本满意${s.attitude.basic}、不满意${s.attitude.unsatisfied}`} />
      <Figure id={id('result')} name="办理结果" value={`满意${s.result.satisfied}、基本满意${s.result.basic}、不满意${s.result.unsatisfied}`} />
      <Figure
        id={id('adoption')}
        name="采纳率（A类+B类）"
        value={rate(s.adoptionRate)}
        detail={`A类${s.byClass.A}、B类${s.byClass.B}、C类${s.byClass.C}、D类${s.byClass.D}，共${classified(s)}件`}
      />
      <Figure
        id={id('roles')}
        name="承办类别"
        value={(Object.keys(s.byRole) as UnitRole[]).map((r) => `${UNIT_ROLE_LABELS[r]}${s.byRole[r]}件`).join('、')}
      />
      <Figure
        id={id('phases')}
        name="提出阶段"
        value={(Object.keys(s.byPhase) as Phase[]).map((p) => `${PHASE_LABELS[p]}${s.byPhase[p]}件`).join('、')}
      />
      <Figure id={id('overdue')} name="已超期" value={`${s.overdue}项`} detail={`临期${s.atRisk}项`} />
    </View>
  );
}

/** One line per unit: how much it holds and its main rates. */
export function UnitFigures({ units }: { units: StatsSummary['perUnit'] }) {
  if (units.length === 0) return null;
  return (
    <View className="list desk-grid" id="per-unit">
      {units.map((u) => (
        <View className="card" key={u.unitId} id={`unit-${u.unitId}`}>
          <View className="card-title">{u.unitName}</View>
          <View className="card-meta">
            收到{u.received}件 · 已办结{u.done}件 · 办结率{rate(u.completionRate)} · 按时办结率{rate(u.onTimeRate)}
          </View>
          <View className="card-meta">
            面复率{rate(u.faceToFaceRate)} · 代表反馈满意率{rate(u.satisfactionRate)} · 采纳率{rate(u.adoptionRate)}
          </View>
        </View>
      ))}
    </View>
  );
}
