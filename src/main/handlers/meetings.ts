/**
 * Meetings, minutes, action items and the calendar: each channel is one call into the device's meetings repository.
 * Its refusals become typed, translated errors; nothing from the core's messages reaches the renderer.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type IpcErrorCode } from '../../shared/ipc/errors'
import { type MeetingsChannel } from '../../shared/ipc/meetings-channels'
import { MeetingRuleError, type MeetingRule } from '../core/meetings/rules'
import { type HandlerContext } from './context'
import { refusalsOf } from './refusals'

const RULE_ERRORS: Record<MeetingRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  invalidTime: 'meetings.invalidTime',
  cancelled: 'meetings.cancelled',
}

export const meetingsCall = refusalsOf(MeetingRuleError, RULE_ERRORS)

type MeetingsHandlers = Pick<HandlerTable, Extract<IpcChannel, MeetingsChannel>>

export function meetingsHandlers(ctx: HandlerContext): MeetingsHandlers {
  const repo = () => ctx.device.meetings
  return {
    'meetings.list': (input) => meetingsCall(() => repo().list(input ?? {})),
    'meetings.get': ({ id }) => meetingsCall(() => repo().get(id)),
    'meetings.save': (input) => meetingsCall(() => repo().save(input)),
    'meetings.cancel': ({ id }) => meetingsCall(() => repo().cancel(id)),
    'meetings.saveMinutes': (input) => meetingsCall(() => repo().saveMinutes(input)),
    'meetings.saveActionItem': (input) => meetingsCall(() => repo().saveActionItem(input)),
    'meetings.calendar': (input) => meetingsCall(() => repo().calendar(input)),
    'meetings.options': () => meetingsCall(() => repo().options()),
    'meetings.contacts': ({ companyId }) => meetingsCall(() => repo().contacts(companyId)),
  }
}
