import { type JSX, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { formatKoreanDate } from '../../../../shared/domain/dates'
import { type CompletionEntry, type CompletionList } from '../../../../shared/ipc/training-types'
import { ExportButton } from '../../components/ExportButton'
import { ModalDialog } from '../../components/ModalDialog'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'

const PRINT_CLASS = 'print-certificates'

/** A certificate's number: the project code, the 차수 and the trainee's place in the list (stable for one list). */
const certificateNumber = (list: CompletionList, entry: CompletionEntry, index: number): string =>
  `${list.projectCode}-${entry.sessionNumber}-${String(index + 1).padStart(3, '0')}`

/**
 * 수료증, one A4 page each, Korean layout (title spaced out, 성명 / 소속 / 교육과정 / 교육기간, the statement, the date
 * and the issuer). Rendered into <body> so the print stylesheet can show only them; the print dialog comes from
 * window.print(): in the desktop app Chromium's dialog offers "PDF로 저장" as a printer.
 */
function Certificates({ list, entries }: { readonly list: CompletionList; readonly entries: readonly CompletionEntry[] }): JSX.Element {
  const { t } = useTranslation()
  return createPortal(
    <div className="certificates" data-testid="certificates">
      {entries.map((entry) => (
        <article className="certificate" key={`${entry.sessionId}|${entry.traineeId}`} data-testid="certificate">
          <p className="certificate__number">{t('trainingOps.certificate.number', { code: certificateNumber(list, entry, list.entries.indexOf(entry)) })}</p>
          <h1 className="certificate__title">{t('trainingOps.certificate.title')}</h1>
          <dl className="certificate__facts">
            <dt>{t('trainingOps.certificate.name')}</dt>
            <dd>{entry.name}</dd>
            <dt>{t('trainingOps.certificate.company')}</dt>
            <dd>{[entry.companyName ?? list.companyName, entry.department].filter(Boolean).join(' ')}</dd>
            <dt>{t('trainingOps.certificate.course')}</dt>
            <dd>
              {list.projectName} {entry.sessionNumber}차
            </dd>
            <dt>{t('trainingOps.certificate.period')}</dt>
            <dd>
              {formatKoreanDate(entry.sessionStart)} ~ {formatKoreanDate(entry.sessionEnd)}
            </dd>
          </dl>
          <p className="certificate__body">{t('trainingOps.certificate.body')}</p>
          <p className="certificate__date">{formatKoreanDate(entry.sessionEnd)}</p>
          <p className="certificate__issuer">{t('trainingOps.certificate.issuer')}</p>
        </article>
      ))}
    </div>,
    document.body,
  )
}

/** 수료 명단 of a project (or one 차수): completion per trainee, the XLSX / CSV export, and the certificates to print. */
export function CompletionDialog({ list }: { readonly list: CompletionList }): JSX.Element {
  const { t } = useTranslation()
  const opened = useProjectsStore((s) => s.completionOpened)
  const [printing, setPrinting] = useState<readonly CompletionEntry[] | null>(null)
  const completed = list.entries.filter((e) => e.completed)

  // Print once the certificates are in the page; the class limits the print stylesheet to them.
  useEffect(() => {
    if (!printing) return
    document.body.classList.add(PRINT_CLASS)
    const done = (): void => {
      document.body.classList.remove(PRINT_CLASS)
      setPrinting(null)
    }
    window.addEventListener('afterprint', done, { once: true })
    const timer = setTimeout(() => window.print(), 0)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('afterprint', done)
      document.body.classList.remove(PRINT_CLASS)
    }
  }, [printing])

  return (
    <ModalDialog title={`${list.projectName} ${t('trainingOps.completion.title')}`} onClose={() => void opened(null)} wide>
      <DialogError />
      <p className="muted">{t('trainingOps.completion.rule', { percent: list.completionPercent })}</p>
      <div className="form-actions completion-actions">
        <ExportButton
          fileName={`${list.projectName}_수료명단`}
          columns={[
            { key: 'session', header: t('trainingOps.completion.session') },
            { key: 'name', header: t('trainingOps.completion.trainee') },
            { key: 'company', header: t('trainingOps.completion.company') },
            { key: 'department', header: t('trainingOps.completion.department') },
            { key: 'phone', header: t('trainingOps.completion.phone') },
            { key: 'rate', header: t('trainingOps.completion.rate'), kind: 'number' },
            { key: 'completed', header: t('trainingOps.completion.completed') },
          ]}
          rows={list.entries.map((e) => ({
            session: `${e.sessionNumber}차`,
            name: e.name,
            company: e.companyName ?? '',
            department: e.department ?? '',
            phone: e.phone ?? '',
            rate: e.percent,
            completed: e.completed ? t('trainingOps.completion.completed') : t('trainingOps.completion.notCompleted'),
          }))}
          disabled={list.entries.length === 0}
        />
        <button type="button" className="button" disabled={completed.length === 0} onClick={() => setPrinting(completed)}>
          {t('trainingOps.completion.printAll')}
        </button>
      </div>
      {list.entries.length === 0 && <p className="muted">{t('trainingOps.completion.empty')}</p>}
      <table className="class-table" data-testid="completion-table">
        <thead>
          <tr>
            <th>{t('trainingOps.completion.session')}</th>
            <th>{t('trainingOps.completion.trainee')}</th>
            <th>{t('trainingOps.completion.company')}</th>
            <th>{t('trainingOps.completion.rate')}</th>
            <th>{t('trainingOps.completion.completed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.entries.map((e) => (
            <tr key={`${e.sessionId}|${e.traineeId}`} data-testid="completion-row" data-completed={e.completed}>
              <td>{t('projects.page.session', { number: e.sessionNumber })}</td>
              <td>{e.name}</td>
              <td className="muted">{[e.companyName, e.department].filter(Boolean).join(' · ')}</td>
              <td>{e.percent === null ? '—' : `${e.percent}%`}</td>
              <td>{e.completed ? t('trainingOps.completion.completed') : t('trainingOps.completion.notCompleted')}</td>
              <td>
                {e.completed && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${e.name} ${t('trainingOps.completion.printOne')}`}
                    onClick={() => setPrinting([e])}
                  >
                    {t('trainingOps.completion.printOne')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void opened(null)}>
          {t('trainingOps.completion.close')}
        </button>
      </div>
      {printing && <Certificates list={list} entries={printing} />}
    </ModalDialog>
  )
}
