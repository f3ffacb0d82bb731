/**
 * The dashboard's charts (recharts). Animations are off: figures appear at once on slow office laptops, and every
 * value is also written on its bar so a chart reads without hovering.
 */
import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Pie, PieChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { type ProjectRates } from '../../../../shared/ipc/dashboard-types'
import { type KpiAchievementRow } from '../../../../shared/ipc/kpi-types'
import { type StageDays, type StageTotal, type WinRate } from '../../../../shared/domain/pipeline'
import { openRecord } from '../../lib/record-links'
import { compactWon, formatPercent, fullWon, stageColor, stageName } from './dashboard-format'

const AXIS = { fontSize: 12, fill: '#5f6b7a' }
const CHART_HEIGHT = 240

/** The weighted bar is its stage's colour, lighter: the legend's swatches show exactly that. */
const WEIGHTED_OPACITY = 0.4

export function PipelineChart({ stages }: { readonly stages: readonly StageTotal[] }): JSX.Element {
  const { t, i18n } = useTranslation()
  const data = stages.map((s) => ({ ...s, name: stageName(s.stage, i18n.language) }))
  // Nothing open: an empty state, not axes counting 0원 1원 2원.
  if (data.every((d) => d.amount === 0 && d.weighted === 0)) {
    return (
      <p className="empty" data-testid="pipeline-empty">
        {t('dashboard.charts.pipelineEmpty')}
      </p>
    )
  }
  const sample = data[0]?.stage
  return (
    <>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e5ea" />
          <XAxis type="number" tick={AXIS} tickFormatter={(v: number) => compactWon(v)} allowDecimals={false} />
          {/* Wide enough for "Needs analysis" on one line (a wrapped tick reads "Needsanalysis" to screen readers). */}
          <YAxis type="category" dataKey="name" tick={AXIS} width={i18n.language === 'en' ? 112 : 72} />
          <Tooltip formatter={(value, name) => [fullWon(Number(value)), String(name)]} />
          <Bar dataKey="amount" name={t('dashboard.charts.amount')} maxBarSize={22} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.stage} fill={stageColor(d.stage)} />
            ))}
            <LabelList dataKey="amount" position="right" style={{ fontSize: 12, fill: '#1c2331' }} formatter={(v: unknown) => compactWon(Number(v))} />
          </Bar>
          <Bar dataKey="weighted" name={t('dashboard.charts.weighted')} maxBarSize={22} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.stage} fill={stageColor(d.stage)} fillOpacity={WEIGHTED_OPACITY} />
            ))}
            <LabelList dataKey="weighted" position="right" style={{ fontSize: 11, fill: '#374151' }} formatter={(v: unknown) => compactWon(Number(v))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {sample && (
        <ul className="chart-legend" data-testid="pipeline-legend">
          <li>
            <span className="chart-legend__swatch" style={{ background: stageColor(sample) }} aria-hidden="true" />
            {t('dashboard.charts.amountLegend')}
          </li>
          <li>
            <span className="chart-legend__swatch" style={{ background: stageColor(sample), opacity: WEIGHTED_OPACITY }} aria-hidden="true" />
            {t('dashboard.charts.weightedLegend')}
          </li>
        </ul>
      )}
    </>
  )
}

export function StageDaysChart({ stageDays }: { readonly stageDays: readonly StageDays[] }): JSX.Element {
  const { t, i18n } = useTranslation()
  const data = stageDays.map((s) => ({ ...s, name: stageName(s.stage, i18n.language), days: s.averageDays ?? 0 }))
  const label = (v: unknown, i: number): string => {
    const row = data[i]
    return row?.averageDays === null ? '—' : t('dashboard.charts.daysValue', { days: v })
  }
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={data} margin={{ top: 20, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e2e5ea" />
        <XAxis dataKey="name" tick={AXIS} />
        {/* A round top (a multiple of 5 days) so the whole-day ticks fall evenly. */}
        <YAxis tick={AXIS} allowDecimals={false} domain={[0, (max: number) => Math.max(5, Math.ceil(max / 5) * 5)]} tickCount={6} />
        <Tooltip formatter={(value) => [t('dashboard.charts.daysValue', { days: value }), t('dashboard.charts.averageDays')]} />
        <Bar dataKey="days" name={t('dashboard.charts.averageDays')} fill="#94a3b8" maxBarSize={64} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.stage} fill={stageColor(d.stage)} />
          ))}
          <LabelList
            dataKey="days"
            position="top"
            style={{ fontSize: 12, fill: '#1c2331' }}
            content={({ x, y, width, value, index }) => (
              <text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fontSize={12} fill="#1c2331">
                {label(value, Number(index))}
              </text>
            )}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}

export function WinLossChart({ winRate }: { readonly winRate: WinRate }): JSX.Element {
  const { t, i18n } = useTranslation()
  const data = [
    { key: 'won', name: `${t('dashboard.charts.won')} ${t('dashboard.charts.countValue', { count: winRate.won })}`, value: winRate.won, color: '#22c55e' },
    { key: 'lost', name: `${t('dashboard.charts.lost')} ${t('dashboard.charts.countValue', { count: winRate.lost })}`, value: winRate.lost, color: '#ef4444' },
  ]
  if (winRate.won + winRate.lost === 0) return <p className="empty">{t('dashboard.charts.noData')}</p>
  return (
    <div className="dashboard-donut">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <PieChart>
          <Pie data={data} dataKey="value" nameKey="name" innerRadius={62} outerRadius={92} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.key} fill={d.color} />
            ))}
          </Pie>
          <Legend wrapperStyle={{ fontSize: 13 }} />
        </PieChart>
      </ResponsiveContainer>
      <div className="dashboard-donut__center" aria-hidden="true">
        {formatPercent(winRate.percent, i18n.language)}
      </div>
    </div>
  )
}

/** Targets shown one by one; the export has all of them. */
const KPI_CHART_LIMIT = 10

export function KpiChart({ rows }: { readonly rows: readonly KpiAchievementRow[] }): JSX.Element {
  const { t, i18n } = useTranslation()
  const measured = rows.filter((r) => r.achievementPercent !== null)
  // Several people's targets of the same KPI (a team's, the company's) are told apart by their owner.
  const severalOwners = new Set(measured.map((r) => r.ownerLabel)).size > 1
  const data = measured.slice(0, KPI_CHART_LIMIT).map((r) => ({
    id: r.targetId,
    name: severalOwners ? `${r.kpiName} · ${r.ownerLabel}` : r.kpiName,
    value: r.achievementPercent ?? 0,
    // A 1-of-1 "250 %" says its sample beside the figure (it is left out of the composite).
    label: `${formatPercent(r.achievementPercent, i18n.language)}${r.smallSample ? t('dashboard.charts.smallSample', { count: r.sampleSize }) : ''}`,
  }))
  if (data.length === 0) return <p className="empty">{t('dashboard.charts.noData')}</p>
  // Whole 50 % steps up to at least 150 %, so the 100 % line always stands out.
  const top = Math.max(150, Math.ceil(Math.max(...data.map((d) => d.value)) / 50) * 50)
  const ticks = Array.from({ length: top / 50 + 1 }, (_, i) => i * 50)
  return (
    // 44 px a row: a "KPI · owner" label wraps to two lines.
    <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT, data.length * 44 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 120, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e2e5ea" />
        <XAxis type="number" tick={AXIS} tickFormatter={(v: number) => `${v}%`} domain={[0, top]} ticks={ticks} />
        <YAxis type="category" dataKey="name" tick={AXIS} width={170} />
        <ReferenceLine x={100} stroke="#1d4ed8" strokeDasharray="4 3" />
        <Tooltip formatter={(value) => [formatPercent(Number(value), i18n.language), t('dashboard.charts.achievement')]} />
        {/* minPointSize: a 0 % target still gets a visible bar beside its label. */}
        <Bar dataKey="value" name={t('dashboard.charts.achievement')} maxBarSize={26} minPointSize={3} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.id} fill={d.value >= 100 ? '#22c55e' : d.value >= 80 ? '#f59e0b' : '#ef4444'} />
          ))}
          <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1c2331' }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Projects shown one by one; all count in the totals and the export. */
export const PROJECT_CHART_LIMIT = 8

export function TrainingChart({ projects }: { readonly projects: readonly ProjectRates[] }): JSX.Element {
  const { t, i18n } = useTranslation()
  // Projects with nothing marked yet have no rate to draw (they still count in the totals and the export).
  const data = projects
    .filter((p) => p.attendanceRate !== null)
    .slice(0, PROJECT_CHART_LIMIT)
    .map((p) => ({
      id: p.projectId,
      name: p.name,
      attendance: p.attendanceRate ?? 0,
      completion: p.completionRate ?? 0,
    }))
  if (data.length === 0) return <p className="empty">{t('dashboard.charts.noData')}</p>
  const percent = (v: unknown): string => formatPercent(Number(v), i18n.language)
  // A bar opens its project page.
  const open = (item: { payload?: { id?: string } }): void => {
    if (item.payload?.id) openRecord({ screen: 'projects', projectId: item.payload.id })
  }
  return (
    <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT, data.length * 44 + 48)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 64, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e2e5ea" />
        <XAxis type="number" domain={[0, 100]} tick={AXIS} tickFormatter={(v: number) => `${v}%`} />
        <YAxis type="category" dataKey="name" tick={AXIS} width={140} />
        <Tooltip formatter={(value, name) => [percent(value), String(name)]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="attendance"
          name={t('dashboard.charts.attendanceRate')}
          fill="#60a5fa"
          maxBarSize={22}
          isAnimationActive={false}
          cursor="pointer"
          onClick={open}
        >
          <LabelList dataKey="attendance" position="right" style={{ fontSize: 11, fill: '#1c2331' }} formatter={percent} />
        </Bar>
        <Bar
          dataKey="completion"
          name={t('dashboard.charts.completionRate')}
          fill="#22c55e"
          maxBarSize={22}
          isAnimationActive={false}
          cursor="pointer"
          onClick={open}
        >
          <LabelList dataKey="completion" position="right" style={{ fontSize: 11, fill: '#1c2331' }} formatter={percent} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}
