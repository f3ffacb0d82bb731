/**
 * 홈 대시보드: 내 현황 (OPERATOR), 팀 현황 (MANAGER) or 전사 현황 (EXECUTIVE), computed on this PC from the replica.
 * Figure cards, charts with their reports (each exportable to XLSX / CSV), and the user's own day.
 */
import { type JSX, type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { fiscalPeriodLabel } from '../../../../shared/domain/fiscal-period'
import { type UserRole } from '../../../../shared/ipc/contract'
import { type DashboardHome } from '../../../../shared/ipc/dashboard-types'
import { KPI_PERIOD_TYPES } from '../../../../shared/model/enums'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { useReloadOn } from '../../lib/live'
import { useSyncStore } from '../sync'
import { KpiChart, PipelineChart, PROJECT_CHART_LIMIT, StageDaysChart, TrainingChart, WinLossChart } from './DashboardCharts'
import { kpiReport, pipelineReport, stageDaysReport, trainingReport, winRateReport, type Report } from './dashboard-export'
import { compactWon, formatPercent, fullWon } from './dashboard-format'
import { DASHBOARD_READS, useDashboardStore } from './dashboard-store'
import { MyDayPanel } from './MyDayPanel'

function FigureCard({
  testId,
  label,
  value,
  title,
  detail,
}: {
  readonly testId: string
  readonly label: string
  readonly value: string
  readonly title?: string
  readonly detail: string
}): JSX.Element {
  return (
    <div className="card figure-card" data-testid={testId}>
      <span className="figure-card__label">{label}</span>
      <strong className="figure-card__value" title={title} data-testid={`${testId}-value`}>
        {value}
      </strong>
      <span className="figure-card__detail">{detail}</span>
    </div>
  )
}

function ChartCard({
  testId,
  title,
  report,
  children,
  footer,
}: {
  readonly testId: string
  readonly title: string
  readonly report: Report | null
  readonly children: ReactNode
  readonly footer?: ReactNode
}): JSX.Element {
  return (
    <section className="card dashboard-card" data-testid={testId} aria-label={title}>
      <header className="dashboard-card__header">
        <h3>{title}</h3>
        {report && <ExportButton fileName={report.fileName} columns={report.columns} rows={report.rows} disabled={report.rows.length === 0} />}
      </header>
      {children}
      {footer}
    </section>
  )
}

function Figures({ home, periodLabel }: { readonly home: DashboardHome; readonly periodLabel: string }): JSX.Element {
  const { t, i18n } = useTranslation()
  const kpi = useDashboardStore((s) => s.kpi)
  const kpiError = useDashboardStore((s) => s.kpiError)
  const { summary } = home.pipeline
  const { overall } = home.training
  // The targets the composite counted (small samples are left out of it: src/shared/domain/kpi.ts).
  const kpiCounted = kpi?.composite.counted ?? 0
  return (
    <div className="figure-cards">
      <FigureCard
        testId="figure-pipeline"
        label={t('dashboard.cards.pipeline')}
        value={compactWon(summary.amount)}
        title={fullWon(summary.amount)}
        detail={t('dashboard.cards.pipelineDetail', { count: summary.count })}
      />
      <FigureCard
        testId="figure-forecast"
        label={t('dashboard.cards.forecast')}
        value={compactWon(summary.weighted)}
        title={fullWon(summary.weighted)}
        detail={t('dashboard.cards.forecastDetail')}
      />
      <FigureCard
        testId="figure-win-rate"
        label={t('dashboard.cards.winRate')}
        value={formatPercent(home.winRate.percent, i18n.language)}
        detail={t('dashboard.cards.winRateDetail', { won: home.winRate.won, lost: home.winRate.lost, period: periodLabel })}
      />
      <FigureCard
        testId="figure-attendance"
        label={t('dashboard.cards.attendance')}
        value={formatPercent(overall.attendanceRate, i18n.language)}
        detail={t('dashboard.cards.attendanceDetail', { count: home.training.projects.length })}
      />
      <FigureCard
        testId="figure-completion"
        label={t('dashboard.cards.completion')}
        value={formatPercent(overall.completionRate, i18n.language)}
        detail={t('dashboard.cards.completionDetail', { trainees: overall.trainees, completed: overall.completed })}
      />
      <FigureCard
        testId="figure-kpi"
        label={t('dashboard.cards.kpi')}
        value={kpi ? formatPercent(kpi.overall, i18n.language) : t('dashboard.cards.none')}
        detail={kpiError ? t('dashboard.charts.kpiUnavailable') : t('dashboard.cards.kpiDetail', { count: kpiCounted, period: periodLabel })}
      />
    </div>
  )
}

function Charts({ home, periodLabel }: { readonly home: DashboardHome; readonly periodLabel: string }): JSX.Element {
  const { t, i18n } = useTranslation()
  const kpi = useDashboardStore((s) => s.kpi)
  const kpiError = useDashboardStore((s) => s.kpiError)
  const moreProjects = home.training.projects.length - Math.min(PROJECT_CHART_LIMIT, home.training.projects.filter((p) => p.attendanceRate !== null).length)
  return (
    <div className="dashboard-charts">
      <ChartCard testId="chart-pipeline" title={t('dashboard.charts.pipeline')} report={pipelineReport(home, t, i18n.language)}>
        <PipelineChart stages={home.pipeline.stages} />
      </ChartCard>
      <ChartCard testId="chart-win-rate" title={t('dashboard.charts.winLoss', { period: periodLabel })} report={winRateReport(home, t, periodLabel)}>
        <WinLossChart winRate={home.winRate} />
      </ChartCard>
      <ChartCard testId="chart-stage-days" title={t('dashboard.charts.stageDays')} report={stageDaysReport(home, t, i18n.language)}>
        <StageDaysChart stageDays={home.stageDays} />
      </ChartCard>
      <ChartCard testId="chart-kpi" title={t('dashboard.charts.kpi')} report={kpi ? kpiReport(kpi, t) : null}>
        {kpiError ? <p className="empty">{t('dashboard.charts.kpiUnavailable')}</p> : <KpiChart rows={kpi?.rows ?? []} />}
      </ChartCard>
      <ChartCard
        testId="chart-training"
        title={t('dashboard.charts.training')}
        report={trainingReport(home, t)}
        footer={moreProjects > 0 && <p className="dashboard-card__hint">{t('dashboard.charts.moreProjects', { count: moreProjects })}</p>}
      >
        <TrainingChart projects={home.training.projects} />
      </ChartCard>
    </div>
  )
}

export function DashboardScreen({ role }: { readonly role: UserRole }): JSX.Element {
  const { t, i18n } = useTranslation()
  const home = useDashboardStore((s) => s.home)
  const period = useDashboardStore((s) => s.period)
  const loading = useDashboardStore((s) => s.loading)
  const error = useDashboardStore((s) => s.error)
  const screenOpened = useDashboardStore((s) => s.screenOpened)
  const periodChosen = useDashboardStore((s) => s.periodChosen)
  const refreshed = useDashboardStore((s) => s.refreshed)
  const errorDismissed = useDashboardStore((s) => s.errorDismissed)
  const synced = useDashboardStore((s) => s.synced)

  useEffect(() => {
    void screenOpened(role)
  }, [screenOpened, role])

  // Local writes and other people's changes (pulled) read the figures again in place, coalesced.
  useReloadOn(DASHBOARD_READS, () => synced())
  // And after every finished sync (the status is pushed by main): figures also depend on the date and on rows written
  // outside the writer (maintenance, tests), which the change stream does not name.
  const lastSyncedAt = useSyncStore((s) => (s.status ? s.status.lastSyncedAt : undefined))
  const shownSync = useRef(lastSyncedAt)
  useEffect(() => {
    if (lastSyncedAt === shownSync.current) return
    const known = shownSync.current !== undefined
    shownSync.current = lastSyncedAt
    if (known) void synced()
  }, [lastSyncedAt, synced])

  const periodLabel = home ? fiscalPeriodLabel(home.period, home.period.fiscalStartMonth, i18n.language === 'en' ? 'en' : 'ko') : ''

  return (
    <div className="dashboard" aria-busy={loading}>
      <div className="dashboard__toolbar">
        <div>
          <h2 className="dashboard__title" data-testid="dashboard-title">
            {home ? t(`dashboard.title.${home.audience}`) : t('dashboard.loading')}
          </h2>
          {home && (
            <p className="dashboard__scope">
              {home.audience === 'team' ? t('dashboard.scope.team', { count: home.audienceSize ?? 1 }) : t(`dashboard.scope.${home.audience}`)}
              {' · '}
              {t('dashboard.asOf', { date: home.today })}
            </p>
          )}
        </div>
        <div className="dashboard__controls">
          <label className="dashboard__period">
            <span>{t('dashboard.periodLabel')}</span>
            <select value={period} onChange={(e) => void periodChosen(e.target.value as (typeof KPI_PERIOD_TYPES)[number])}>
              {KPI_PERIOD_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`dashboard.periods.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => void refreshed()} disabled={loading}>
            {t('dashboard.refresh')}
          </button>
        </div>
      </div>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      {home && (
        <>
          <Figures home={home} periodLabel={periodLabel} />
          <MyDayPanel myDay={home.myDay} />
          <Charts home={home} periodLabel={periodLabel} />
        </>
      )}
    </div>
  )
}
