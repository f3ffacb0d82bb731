import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type ImportCommitResult, type ImportReview } from '../../../../shared/ipc/transfer-types'
import { type ImportTarget } from '../../../../shared/model/import-targets'
import { api, toIpcError } from '../../lib/api'
import { fileToBase64 } from './file-bytes'
import { MappingStep } from './MappingStep'
import { ReviewTable } from './ReviewTable'

/** The list under the table names the first errors in full; the table marks every one. */
const MAX_ERROR_LINES = 200

type Step = 'file' | 'mapping' | 'review' | 'done'

interface Draft {
  readonly fileBase64: string
  readonly mapping: ReadonlyArray<string | null>
  readonly corrections: Readonly<Record<string, Readonly<Record<string, string>>>>
  readonly excludedRows: readonly number[]
}

/**
 * 가져오기: pick a file → map its columns → review every row (errors in Korean, duplicates, exclude or correct) → import.
 * Main writes nothing until the user presses import, and then all rows or none.
 */
export function ImportDialog({
  target,
  classId,
  onClose,
  onImported,
}: {
  readonly target: ImportTarget
  readonly classId?: string
  readonly onClose: () => void
  readonly onImported?: (result: ImportCommitResult) => void
}): JSX.Element {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>('file')
  const [draft, setDraft] = useState<Draft | null>(null)
  const [review, setReview] = useState<ImportReview | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)
  const [onlyProblems, setOnlyProblems] = useState(false)
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip')
  const [result, setResult] = useState<ImportCommitResult | null>(null)

  const request = (d: Draft, withMapping: boolean) => ({
    target,
    fileBase64: d.fileBase64,
    ...(withMapping ? { mapping: [...d.mapping] } : {}),
    corrections: d.corrections,
    excludedRows: [...d.excludedRows],
    ...(classId ? { classId } : {}),
  })

  const run = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(toIpcError(e))
    } finally {
      setBusy(false)
    }
  }

  const preview = (next: Draft, nextStep: Step = step): Promise<void> =>
    run(async () => {
      const answer = await api.import.preview(request(next, true))
      setDraft(next)
      setReview(answer)
      setStep(nextStep)
    })

  const fileChosen = (file: File): Promise<void> =>
    run(async () => {
      const fileBase64 = await fileToBase64(file)
      const answer = await api.import.preview({ target, fileBase64, ...(classId ? { classId } : {}) })
      setDraft({ fileBase64, mapping: answer.mapping, corrections: {}, excludedRows: [] })
      setReview(answer)
      setStep('mapping')
    })

  const commit = (): Promise<void> =>
    run(async () => {
      if (!draft) return
      const done = await api.import.commit({ ...request(draft, true), duplicates })
      setResult(done)
      setStep('done')
      onImported?.(done)
    })

  const fieldLabel = (key: string): string => t(`transfer.import.fields.${key}` as 'transfer.import.fields.name')
  const summary = review?.summary
  const importable = summary ? summary.ok + (duplicates === 'import' || (target === 'trainees' && classId) ? summary.duplicates : 0) : 0
  const errorLines = (review?.rows ?? [])
    .filter((r) => !r.excluded)
    .flatMap((r) =>
      r.errors.map((e) => ({
        key: `${r.rowNumber}-${e.column}-${e.code}`,
        text: t('transfer.import.review.errorLine', { row: r.rowNumber, field: fieldLabel(e.column), message: t(e.code as 'validation.invalid') }),
      })),
    )
  const visibleRows = review ? review.rows.filter((r) => !onlyProblems || (!r.excluded && (r.errors.length > 0 || r.duplicateOf))) : []

  return (
    <ModalDialog title={t('transfer.import.title', { target: t(`transfer.import.targets.${target}`) })} onClose={onClose} wide>
      <ol className="import-steps" aria-label={t('transfer.import.action')}>
        {(['file', 'mapping', 'review'] as const).map((s) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {t(`transfer.import.steps.${s}`)}
          </li>
        ))}
      </ol>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      {step === 'file' && (
        <div className="import-file">
          <label className="import-file__label">
            {t('transfer.import.file.label')}
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              data-testid="import-file"
              onChange={(event) => {
                const file = event.target.files?.[0]
                // Cleared so choosing the same file again (after fixing it in Excel) is seen as a new choice.
                event.target.value = ''
                if (file) void fileChosen(file)
              }}
            />
          </label>
          <p className="muted">{t('transfer.import.file.hint')}</p>
          {classId && <p className="muted">{t('transfer.import.file.classNote')}</p>}
          {busy && <p role="status">{t('transfer.import.file.reading')}</p>}
        </div>
      )}

      {step === 'mapping' && review && draft && (
        <>
          <MappingStep target={target} review={review} mapping={draft.mapping} onChange={(mapping) => setDraft({ ...draft, mapping })} />
          {review.missingFields.length > 0 && draft.mapping.join() === review.mapping.join() && (
            <p className="form-field__error" role="alert">
              {t('transfer.import.mapping.missing', { fields: review.missingFields.map(fieldLabel).join(', ') })}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void preview(draft, 'review')}>
              {t('transfer.import.mapping.next')}
            </button>
          </div>
        </>
      )}

      {step === 'review' && review && draft && summary && (
        <>
          {review.missingFields.length > 0 ? (
            <p className="form-field__error" role="alert">
              {t('transfer.import.mapping.missing', { fields: review.missingFields.map(fieldLabel).join(', ') })}
            </p>
          ) : (
            <p className="import-summary" data-testid="import-summary" role="status">
              {t('transfer.import.review.summary', { ...summary })}
            </p>
          )}
          <div className="import-toolbar">
            <label>
              <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> {t('transfer.import.review.onlyProblems')}
            </label>
            <span className="muted">{t('transfer.import.review.editHint')}</span>
          </div>
          <ReviewTable
            rows={visibleRows}
            fields={review.mapping.filter((m): m is string => m !== null)}
            onExclude={(rowNumber, excluded) =>
              void preview({
                ...draft,
                excludedRows: excluded ? [...draft.excludedRows, rowNumber] : draft.excludedRows.filter((n) => n !== rowNumber),
              })
            }
            onCorrect={(rowNumber, field, value) =>
              void preview({
                ...draft,
                corrections: { ...draft.corrections, [rowNumber]: { ...draft.corrections[rowNumber], [field]: value } },
              })
            }
          />
          {errorLines.length > 0 && (
            <details className="import-error-list" open>
              <summary>{t('transfer.import.review.errorList', { count: errorLines.length })}</summary>
              <ul data-testid="import-error-list">
                {errorLines.slice(0, MAX_ERROR_LINES).map((line) => (
                  <li key={line.key}>{line.text}</li>
                ))}
              </ul>
            </details>
          )}
          {summary.duplicates > 0 && (
            <fieldset className="import-duplicates">
              <legend>{t('transfer.import.review.duplicates')}</legend>
              <label>
                <input type="radio" name="duplicates" checked={duplicates === 'skip'} onChange={() => setDuplicates('skip')} />{' '}
                {t('transfer.import.review.skipDuplicates')}
              </label>
              <label>
                <input type="radio" name="duplicates" checked={duplicates === 'import'} onChange={() => setDuplicates('import')} />{' '}
                {t('transfer.import.review.importDuplicates')}
              </label>
              {target === 'trainees' && classId && <p className="muted">{t('transfer.import.review.traineeDuplicateNote')}</p>}
            </fieldset>
          )}
          {summary.errors > 0 && (
            <p className="form-field__error" role="alert" data-testid="import-blocked">
              {t('transfer.import.review.blocked', { count: summary.errors })}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => setStep('mapping')}>
              {t('transfer.import.review.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="import-commit"
              disabled={busy || summary.errors > 0 || review.missingFields.length > 0 || importable === 0}
              onClick={() => void commit()}
            >
              {busy ? t('transfer.import.review.committing') : t('transfer.import.review.commit', { count: importable })}
            </button>
          </div>
        </>
      )}

      {step === 'done' && result && (
        <div className="import-done" role="status" data-testid="import-done">
          <p className="notice">{t('transfer.import.done.message', { created: result.created })}</p>
          {result.skippedDuplicates > 0 && <p>{t('transfer.import.done.skipped', { count: result.skippedDuplicates })}</p>}
          {result.excluded > 0 && <p>{t('transfer.import.done.excluded', { count: result.excluded })}</p>}
          {result.enrolled > 0 && <p>{t('transfer.import.done.enrolled', { count: result.enrolled })}</p>}
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('transfer.import.done.close')}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  )
}
