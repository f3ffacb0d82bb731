/**
 * "Open this record": search results, duplicate warnings and timelines link to records that other screens own. A
 * window event keeps features independent: the app shell switches the screen, the owning feature selects the record.
 */
export interface RecordLink {
  readonly screen: 'companies' | 'leads' | 'meetings' | 'opportunities' | 'projects' | 'training'
  /** The company page to open (companies screen). */
  readonly companyId?: string
  /** The meeting to open (meetings screen). */
  readonly meetingId?: string
  /** The opportunity whose detail to open (opportunities screen). */
  readonly opportunityId?: string
  /** The project page to open (projects screen). */
  readonly projectId?: string
  /** The class roster to open (training screen). */
  readonly classId?: string
}

const EVENT = 'crm:open-record'

export function openRecord(link: RecordLink): void {
  window.dispatchEvent(new CustomEvent<RecordLink>(EVENT, { detail: link }))
}

export function onOpenRecord(listener: (link: RecordLink) => void): () => void {
  const handler = (event: Event): void => {
    if (event instanceof CustomEvent) listener(event.detail as RecordLink)
  }
  window.addEventListener(EVENT, handler)
  return () => window.removeEventListener(EVENT, handler)
}
