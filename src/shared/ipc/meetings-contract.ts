/** Contract entries of the meetings channels (spread into `ipcContract`). */
import { z } from 'zod'
import { idSchema } from '../model/validation/common'
import {
  actionItemSaveSchema,
  meetingCalendarSchema,
  meetingCancelSchema,
  meetingListSchema,
  meetingSaveSchema,
  minutesSaveSchema,
} from '../model/validation/meetings'
import { returns } from './returns'
import { type MeetingsChannel } from './meetings-channels'
import { type CalendarEntry, type ContactOption, type MeetingDetail, type MeetingOptions, type MeetingSummary } from './meetings-types'

export const meetingsContract = {
  /** By date range (to exclusive), company, "mine" and status; latest first, at most 500. */
  'meetings.list': { input: meetingListSchema, output: returns<readonly MeetingSummary[]>() },
  'meetings.get': { input: z.strictObject({ id: idSchema }), output: returns<MeetingDetail>() },
  /** The meeting with its participants, agenda and proposed products, in one local transaction. */
  'meetings.save': { input: meetingSaveSchema, output: returns<MeetingDetail>() },
  /** Status CANCELLED; the meeting and its records are kept. */
  'meetings.cancel': { input: meetingCancelSchema, output: returns<MeetingDetail>() },
  /** One minutes row per meeting: created or updated. */
  'meetings.saveMinutes': { input: minutesSaveSchema, output: returns<MeetingDetail>() },
  /** Creates or updates one action item; COMPLETED stamps completed_at, reopening clears it. */
  'meetings.saveActionItem': { input: actionItemSaveSchema, output: returns<MeetingDetail>() },
  /** Meetings and training classes dated in [from, to), by date and start time. */
  'meetings.calendar': { input: meetingCalendarSchema, output: returns<readonly CalendarEntry[]>() },
  /** Pickers of the meeting form: active users, companies, active products with their list price. */
  'meetings.options': { input: z.undefined(), output: returns<MeetingOptions>() },
  /** Active contacts of a company, for external participants. */
  'meetings.contacts': { input: z.strictObject({ companyId: idSchema }), output: returns<readonly ContactOption[]>() },
} as const satisfies { readonly [K in MeetingsChannel]: { readonly input: z.ZodType; readonly output: object } }
