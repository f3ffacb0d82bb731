/**
 * 최근 연락일 (the seed's `contacts.last_contacted_at`), computed at read time and never stored: the latest day of an
 * activity logged on the contact or of a meeting they took part in (not cancelled), up to today. A stored "latest"
 * would go backwards when an older edit made offline syncs later, and would need a write to the contact for every
 * call logged anywhere; computing it from the rows the device holds is always right, offline included.
 *
 * Days are Seoul days: an activity's instant (UTC) is moved by +9 hours (Korea keeps no daylight saving); a meeting's
 * date is already a business date.
 */

/** SQL for one contact's last contact day (YYYY-MM-DD or NULL); binds the named parameter `@today` (YYYY-MM-DD). */
export function lastContactedSql(contactId: string): string {
  return `(SELECT max(day) FROM (
      SELECT date(coalesce(a.start_time, a.created_at), '+9 hours') AS day FROM activities a
       WHERE a.entity_type = 'CONTACT' AND a.entity_id = ${contactId} AND a.deleted_at IS NULL
      UNION ALL
      SELECT m.date AS day FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
       WHERE mp.contact_id = ${contactId} AND mp.deleted_at IS NULL AND m.deleted_at IS NULL AND m.status <> 'CANCELLED'
    ) WHERE day <= @today)`
}
