import { ExportButton } from '../../components/ExportButton'
import { kpiExportColumns, kpiExportRows } from '../export'
import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { fiscalPeriodLabel } from '../../../../shared/domain/fiscal-period'
import { type KpiAchievementRow } from '../../../../shared/ipc/kpi-types'
import { COMPOSITE_CAP_PERCENT, SMALL_SAMPLE_MINIMUM } from '../../../../shared/domain/kpi'
import { KPI_PERIOD_TYPES, type KpiUnit } from '../../../../shared/model/enums'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCan } from '../../lib/permissions'
import { ActualDialog } from './ActualDialog'
import { DefinitionDialog } from './DefinitionDialog'
import { KPI_READS, useKpiStore } from './kpi-store'
import { achievementAxis, BAND_COLOURS, bandTone, formatKpiValue, formatPercent } from './kpi-view'
import { TargetDialog } from './TargetDialog'
import { useReloadOn } from '../../lib/live'
import { DeleteButton } from '../../components/DeleteButton'

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]

/** KPI 달성 현황: targets of a period for me, my team or the company, with actual, achievement and band. */
export function KpiScreen(): JSX.Element {
  const { t, i18n } = useTranslation()
  const store = useKpiStore()
  const { period, audience, fiscalStartMonth, achievements, list, loading, dialog, error } = store
  const canSetTargets = useCan('kpi_targets', 'create')
  const canRecord = useCan('kpi_actuals', 'create')
  const canDefine = useCan('kpi_definitions', 'create')
  const screenOpened = useKpiStore((s) => s.screenOpened)
  useEffect(() => {
    void screenOpened()
  }, [screenOpened])
  useReloadOn(KPI_READS, () => useKpiStore.getState().reload())

  const locale = i18n.language === 'en' ? 'en' : 'ko'
  const periodLabel = fiscalPeriodLabel(period, fiscalStartMonth, locale)
  const rows = achievements?.rows ?? []
  const withUnit = (value: number | null, unit: KpiUnit | null): string => {
    const text = formatKpiValue(value, unit, locale)
    const word = value !== null && (unit === 'COUNT' || unit === 'DAYS') ? t(`kpi.unit.${unit}`) : ''
    return word ? `${text}${locale === 'ko' ? '' : ' '}${word}` : text
  }
  const chartData = rows.map((row) => ({
    name: `${row.kpiName} · ${row.ownerType === 'COMPANY' ? t('kpi.owner.COMPANY') : row.ownerLabel}`,
    achievement: row.achievementPercent ?? 0,
    tone: bandTone(row.band),
    // Every bar says its figure, and a small sample says so beside it.
    label: `${formatPercent(row.achievementPercent)}${row.smallSample ? t('kpi.sample.chartSuffix', { count: row.sampleSize }) : ''}`,
  }))
  const composite = achievements?.composite
  const axis = achievementAxis(chartData.map((d) => d.achievement))

  return (
    <section className="kpi-screen" aria-label={t('kpi.title')}>
      <div className="kpi-toolbar card">
        <div className="kpi-segmented" role="group" aria-label={t('kpi.periodPicker')}>
          {KPI_PERIOD_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className="kpi-segmented__item"
              aria-pressed={period.type === type}
              onClick={() => void store.periodTypeChosen(type)}
            >
              {t(`kpi.periodType.${type}`)}
            </button>
          ))}
        </div>
        <div className="kpi-period">
          <button type="button" className="button button--small" aria-label={t('kpi.previous')} onClick={() => void store.periodStepped(-1)}>
            ‹
          </button>
          <strong className="kpi-period__label" data-testid="kpi-period-label">
            {periodLabel}
          </strong>
          <button type="button" className="button button--small" aria-label={t('kpi.next')} onClick={() => void store.periodStepped(1)}>
            ›
          </button>
          <button type="button" className="link-button" onClick={() => void store.currentPeriodChosen()}>
            {t('kpi.current')}
          </button>
        </div>
        {list && list.audiences.length > 1 && (
          <div className="kpi-segmented" role="group" aria-label={t('kpi.audience.label')}>
            {list.audiences.map((value) => (
              <button
                key={value}
                type="button"
                className="kpi-segmented__item"
                aria-pressed={audience === value}
                onClick={() => void store.audienceChosen(value)}
              >
                {t(`kpi.audience.${value}`)}
              </button>
            ))}
          </div>
        )}
        <label className="kpi-fiscal">
          <span>{t('kpi.fiscalStart')}</span>
          <select value={fiscalStartMonth} onChange={(event) => void store.fiscalStartChosen(Number(event.target.value))}>
            {MONTHS.map((month) => (
              <option key={month} value={month}>
                {t('kpi.fiscalStartMonth', { month })}
              </option>
            ))}
          </select>
        </label>
        {/* The period and audience on screen, with the sample of targets behind the overall figure. */}
        <ExportButton
          fileName={t('exports.kpiFile', { period: periodLabel })}
          testId="export-kpi"
          columns={kpiExportColumns(t)}
          rows={kpiExportRows(t, rows)}
          disabled={rows.length === 0}
        />
        {canDefine && (
          <button type="button" className="button kpi-toolbar__action" onClick={() => store.dialogOpened({ kind: 'definition' })}>
            {t('kpi.manageDefinitions')}
          </button>
        )}
        {canSetTargets && (
          <button type="button" className="button button--primary" onClick={() => store.dialogOpened({ kind: 'target', row: null })}>
            {t('kpi.setTarget')}
          </button>
        )}
      </div>

      {error && !dialog && <ErrorBanner error={error} onDismiss={store.errorDismissed} />}

      <div className="kpi-summary">
        <div className="card kpi-overall">
          <span className="kpi-overall__label">{t('kpi.overall')}</span>
          <strong className="kpi-overall__value" data-testid="kpi-overall">
            {achievements?.overall === null || achievements === null ? t('kpi.overallNone') : formatPercent(achievements.overall)}
          </strong>
          <span className="muted">{periodLabel}</span>
          {composite && composite.counted + composite.smallSamples > 0 && (
            <ul className="kpi-overall__facts" data-testid="kpi-composite">
              <li>{t('kpi.composite.counted', { count: composite.counted })}</li>
              {composite.smallSamples > 0 && (
                <li className="kpi-overall__warn">{t('kpi.composite.smallSamples', { count: composite.smallSamples, minimum: SMALL_SAMPLE_MINIMUM })}</li>
              )}
              {composite.capped > 0 && <li>{t('kpi.composite.capped', { count: composite.capped, cap: COMPOSITE_CAP_PERCENT })}</li>}
            </ul>
          )}
          <small className="kpi-overall__rule">{t('kpi.composite.rule', { cap: COMPOSITE_CAP_PERCENT, minimum: SMALL_SAMPLE_MINIMUM })}</small>
        </div>
        <div className="card kpi-chart" aria-label={t('kpi.chartTitle')} role="img">
          <h3>{t('kpi.chartTitle')}</h3>
          {rows.length > 0 && (
            <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 28 + 40)}>
              <BarChart data={chartData} layout="vertical" margin={{ left: 8, right: 120, top: 4, bottom: 4 }}>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" unit="%" domain={[0, axis.max]} ticks={axis.ticks} />
                <YAxis type="category" dataKey="name" width={200} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(value) => formatPercent(Number(value))} />
                <ReferenceLine x={100} stroke="#1f2937" strokeDasharray="4 2" />
                {/* minPointSize: a 0 % rep still gets a bar, and every bar its label. */}
                <Bar dataKey="achievement" name={t('kpi.columns.achievement')} minPointSize={3} isAnimationActive={false}>
                  {chartData.map((entry, index) => (
                    <Cell key={index} fill={BAND_COLOURS[entry.tone]} />
                  ))}
                  <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1c2331' }} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
      </div>

      <div className="card kpi-table-wrap">
        {loading && rows.length === 0 ? (
          <p className="muted kpi-empty">{t('kpi.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="muted kpi-empty">{t('kpi.empty')}</p>
        ) : (
          <table className="kpi-table">
            <thead>
              <tr>
                <th>{t('kpi.columns.kpi')}</th>
                <th>{t('kpi.columns.owner')}</th>
                <th className="num">{t('kpi.columns.minimum')}</th>
                <th className="num">{t('kpi.columns.target')}</th>
                <th className="num">{t('kpi.columns.stretch')}</th>
                <th className="num">{t('kpi.columns.actual')}</th>
                <th className="num">{t('kpi.columns.achievement')}</th>
                <th>{t('kpi.columns.band')}</th>
                <th className="num">{t('kpi.columns.weight')}</th>
                <th aria-label={t('kpi.columns.actions')} />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <KpiRow
                  key={row.targetId}
                  row={row}
                  withUnit={withUnit}
                  canSetTargets={canSetTargets}
                  canRecord={canRecord}
                  onEdit={() => store.dialogOpened({ kind: 'target', row })}
                  onRecord={() => store.dialogOpened({ kind: 'actual', row })}
                  onDeleted={() => void store.screenOpened()}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>

      {dialog?.kind === 'target' && list && (
        <TargetDialog
          row={dialog.row}
          list={list}
          period={period}
          fiscalStartMonth={fiscalStartMonth}
          error={error}
          onDismissError={store.errorDismissed}
          onSave={store.targetSaved}
          onClose={() => store.dialogOpened(null)}
        />
      )}
      {dialog?.kind === 'definition' && list && (
        <DefinitionDialog
          definitions={list.definitions}
          error={error}
          onDismissError={store.errorDismissed}
          onSave={store.definitionSaved}
          onClose={() => store.dialogOpened(null)}
        />
      )}
      {dialog?.kind === 'actual' && (
        <ActualDialog
          row={dialog.row}
          fiscalStartMonth={fiscalStartMonth}
          error={error}
          onDismissError={store.errorDismissed}
          onSave={store.actualRecorded}
          onClose={() => store.dialogOpened(null)}
        />
      )}
    </section>
  )
}

function KpiRow({
  row,
  withUnit,
  canSetTargets,
  canRecord,
  onEdit,
  onRecord,
  onDeleted,
}: {
  readonly row: KpiAchievementRow
  readonly withUnit: (value: number | null, unit: KpiUnit | null) => string
  readonly canSetTargets: boolean
  readonly canRecord: boolean
  readonly onEdit: () => void
  readonly onRecord: () => void
  readonly onDeleted: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const tone = bandTone(row.band)
  return (
    <tr data-testid="kpi-row" data-kpi={row.kpiName} data-owner={row.ownerLabel}>
      <td>
        <span className="kpi-table__name">{row.kpiName}</span>
        {row.direction !== 'INCREASE' && <span className="kpi-direction">{row.direction === 'DECREASE' ? t('kpi.decreaseHint') : t('kpi.maintainHint')}</span>}
      </td>
      <td>
        {row.ownerType === 'COMPANY' || row.ownerType === null ? (
          t('kpi.owner.COMPANY')
        ) : (
          <>
            <span className="muted kpi-owner-type">{t(`kpi.owner.${row.ownerType}`)}</span> {row.ownerLabel}
          </>
        )}
      </td>
      <td className="num">{withUnit(row.minimum, row.unit)}</td>
      <td className="num">{withUnit(row.target, row.unit)}</td>
      <td className="num">{withUnit(row.stretch, row.unit)}</td>
      <td className="num" data-testid="kpi-actual">
        {withUnit(row.actual, row.unit)}
        <small className="kpi-source">{t(`kpi.source.${row.actualSource ?? 'none'}`)}</small>
      </td>
      <td className="num" data-testid="kpi-achievement">
        {formatPercent(row.achievementPercent)}
        {row.sampleSize !== null && row.achievementPercent !== null && (
          <small
            className={row.smallSample ? 'kpi-sample kpi-sample--small' : 'kpi-sample'}
            data-testid="kpi-sample"
            data-small={row.smallSample}
            title={row.smallSample ? t('kpi.sample.smallTitle', { count: row.sampleSize, minimum: SMALL_SAMPLE_MINIMUM }) : undefined}
          >
            {t(row.smallSample ? 'kpi.sample.small' : 'kpi.sample.size', { count: row.sampleSize })}
          </small>
        )}
      </td>
      <td>
        <span className={`kpi-band kpi-band--${tone}`} data-testid="kpi-band" data-band={row.band ?? 'NONE'}>
          {t(`kpi.band.${row.band ?? 'NONE'}`)}
        </span>
      </td>
      <td className="num" data-testid="kpi-weight">
        {row.weight}
        <small className="kpi-sample">
          {row.compositeShare === null ? t('kpi.shareExcluded') : t('kpi.share', { share: formatPercent(row.compositeShare).replace('%', '') })}
        </small>
      </td>
      <td className="kpi-table__actions">
        {canRecord && row.measure === null && (
          <button type="button" className="button button--small" onClick={onRecord}>
            {t('kpi.recordActual')}
          </button>
        )}
        {canSetTargets && (
          <>
            <button type="button" className="button button--small button--ghost" onClick={onEdit}>
              {t('kpi.editTarget')}
            </button>
            <DeleteButton
              kind="kpiTarget"
              id={row.targetId}
              className="link-button link-button--danger"
              ariaLabel={`${row.kpiName} ${row.ownerLabel ?? ''} ${t('everyday.delete.action')}`}
              onChanged={onDeleted}
            />
          </>
        )}
      </td>
    </tr>
  )
}
