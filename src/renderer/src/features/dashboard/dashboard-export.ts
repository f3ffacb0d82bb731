/** The dashboard's reports as tables for the shared export (XLSX / CSV), Korean headers by default. */
import { type TFunction } from 'i18next'
import { type DashboardHome } from '../../../../shared/ipc/dashboard-types'
import { type KpiAchievements } from '../../../../shared/ipc/kpi-types'
import { type ExportColumn, type ExportRow } from '../../components/ExportButton'
import { stageName } from './dashboard-format'

export interface Report {
  readonly fileName: string
  readonly columns: readonly ExportColumn[]
  readonly rows: readonly ExportRow[]
}

export function pipelineReport(home: DashboardHome, t: TFunction, language: string): Report {
  return {
    fileName: `${t('dashboard.export.pipelineFile')}_${home.today}`,
    columns: [
      { key: 'stage', header: t('dashboard.export.stage') },
      { key: 'count', header: t('dashboard.export.count'), kind: 'number' },
      { key: 'amount', header: t('dashboard.export.amount'), kind: 'won' },
      { key: 'weighted', header: t('dashboard.export.weighted'), kind: 'won' },
    ],
    rows: home.pipeline.stages.map((s) => ({ stage: stageName(s.stage, language), count: s.count, amount: s.amount, weighted: s.weighted })),
  }
}

export function stageDaysReport(home: DashboardHome, t: TFunction, language: string): Report {
  return {
    fileName: `${t('dashboard.export.stageDaysFile')}_${home.today}`,
    columns: [
      { key: 'stage', header: t('dashboard.export.stage') },
      { key: 'averageDays', header: t('dashboard.export.averageDays'), kind: 'number' },
      { key: 'opportunities', header: t('dashboard.export.opportunities'), kind: 'number' },
    ],
    rows: home.stageDays.map((s) => ({ stage: stageName(s.stage, language), averageDays: s.averageDays, opportunities: s.opportunities })),
  }
}

export function winRateReport(home: DashboardHome, t: TFunction, periodLabel: string): Report {
  const w = home.winRate
  return {
    fileName: `${t('dashboard.export.winRateFile')}_${home.period.start}_${home.period.end}`,
    columns: [
      { key: 'period', header: t('dashboard.export.period') },
      { key: 'start', header: t('dashboard.export.start') },
      { key: 'end', header: t('dashboard.export.end') },
      { key: 'won', header: t('dashboard.export.won'), kind: 'number' },
      { key: 'wonAmount', header: t('dashboard.export.wonAmount'), kind: 'won' },
      { key: 'lost', header: t('dashboard.export.lost'), kind: 'number' },
      { key: 'lostAmount', header: t('dashboard.export.lostAmount'), kind: 'won' },
      { key: 'winRate', header: t('dashboard.export.winRate'), kind: 'number' },
    ],
    rows: [
      {
        period: periodLabel,
        start: home.period.start,
        end: home.period.end,
        won: w.won,
        wonAmount: w.wonAmount,
        lost: w.lost,
        lostAmount: w.lostAmount,
        winRate: w.percent,
      },
    ],
  }
}

export function trainingReport(home: DashboardHome, t: TFunction): Report {
  return {
    fileName: `${t('dashboard.export.trainingFile')}_${home.today}`,
    columns: [
      { key: 'project', header: t('dashboard.export.project') },
      { key: 'company', header: t('dashboard.export.company') },
      { key: 'status', header: t('dashboard.export.status') },
      { key: 'trainees', header: t('dashboard.export.trainees'), kind: 'number' },
      { key: 'completed', header: t('dashboard.export.completed'), kind: 'number' },
      { key: 'attendanceRate', header: t('dashboard.export.attendanceRate'), kind: 'number' },
      { key: 'completionRate', header: t('dashboard.export.completionRate'), kind: 'number' },
    ],
    rows: home.training.projects.map((p) => ({
      project: p.name,
      company: p.companyName,
      status: t(`projects.statuses.${p.status}`),
      trainees: p.trainees,
      completed: p.completed,
      attendanceRate: p.attendanceRate,
      completionRate: p.completionRate,
    })),
  }
}

export function kpiReport(kpi: KpiAchievements, t: TFunction): Report {
  return {
    fileName: `${t('dashboard.export.kpiFile')}_${kpi.periodStart}_${kpi.periodEnd}`,
    columns: [
      { key: 'kpi', header: t('dashboard.export.kpi') },
      { key: 'owner', header: t('dashboard.export.owner') },
      { key: 'period', header: t('dashboard.export.period') },
      { key: 'target', header: t('dashboard.export.target'), kind: 'number' },
      { key: 'actual', header: t('dashboard.export.actual'), kind: 'number' },
      { key: 'achievement', header: t('dashboard.export.achievement'), kind: 'number' },
      { key: 'weight', header: t('dashboard.export.weight'), kind: 'number' },
    ],
    rows: kpi.rows.map((r) => ({
      kpi: r.kpiName,
      owner: r.ownerLabel,
      period: r.periodLabel,
      target: r.target,
      actual: r.actual,
      achievement: r.achievementPercent,
      weight: r.weight,
    })),
  }
}
