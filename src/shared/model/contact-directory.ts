/** A contact (담당자) in the list of every contact this device holds: what the contacts export writes. */
export interface ContactListItem {
  readonly id: string
  readonly companyId: string
  readonly companyName: string
  readonly branchName: string
  /** 홍길동 (family name first, no space). */
  readonly name: string
  readonly position: string | null
  readonly title: string | null
  readonly department: string | null
  readonly email: string | null
  readonly phone: string | null
  readonly mobile: string | null
  readonly isPrimary: boolean
  /** 최근 연락일 (computed: the latest activity or meeting with the contact, up to today). */
  readonly lastContactedOn: string | null
}
