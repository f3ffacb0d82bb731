import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ImportCommitResult } from '../../../../shared/ipc/transfer-types'
import { type ImportTarget } from '../../../../shared/model/import-targets'
import { useCan } from '../../lib/permissions'
import { ImportDialog } from './ImportDialog'

/**
 * The generic entry any screen can place: `<ImportButton target="trainees" classId={id} onImported={reload} />`.
 * Opens the import dialog with a fixed target; hidden from a user who may not create rows of that target.
 */
export function ImportButton({
  target,
  classId,
  onImported,
  disabled,
}: {
  readonly target: ImportTarget
  readonly classId?: string
  readonly onImported?: (result: ImportCommitResult) => void
  readonly disabled?: boolean
}): JSX.Element {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  // The server would refuse the rows anyway; a user who may not create them is not offered the import.
  const allowed = useCan(target, 'create')
  if (!allowed) return <></>
  return (
    <>
      <button type="button" className="button" disabled={disabled} onClick={() => setOpen(true)} data-testid={`import-button-${target}`}>
        {t('transfer.import.title', { target: t(`transfer.import.targets.${target}`) })}
      </button>
      {open && <ImportDialog target={target} {...(classId ? { classId } : {})} onClose={() => setOpen(false)} {...(onImported ? { onImported } : {})} />}
    </>
  )
}
