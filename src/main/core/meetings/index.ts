/** Meetings with participants, agenda, minutes, action items and proposed products; the calendar, on the local replica: `createMeetings(ctx)`, the same shape as every core/<domain>/index.ts. */
import { type DomainContext } from '../common/context'
import { createMeetingsRepo, type MeetingsRepo } from './meetings'

export type { MeetingsRepo }

export function createMeetings(ctx: DomainContext): MeetingsRepo {
  return createMeetingsRepo(ctx)
}
