/**
 * Projects, sessions, classes and attendance: each channel is one call into the device's training repositories. The
 * repositories' refusals become typed, translated errors; nothing from the core's messages reaches the renderer.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type IpcErrorCode } from '../../shared/ipc/errors'
import { type TrainingChannel } from '../../shared/ipc/training-channels'
import { TrainingRuleError, type TrainingRule } from '../core/training/rules'
import { type HandlerContext } from './context'
import { refusalsOf } from './refusals'

const RULE_ERRORS: Record<TrainingRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  invalidPeriod: 'training.invalidPeriod',
  classFull: 'training.classFull',
  hasClasses: 'training.hasClasses',
  notPermitted: 'training.notPermitted',
  // The form and the IPC schema refuse it first; reaching the repository means a caller skipped both.
  invalidCompletionRule: 'ipc.invalidInput',
  notWon: 'training.notWon',
  classNotStarted: 'training.classNotStarted',
  invalidCapacity: 'training.invalidCapacity',
}

export const trainingCall = refusalsOf(TrainingRuleError, RULE_ERRORS)

type TrainingHandlers = Pick<HandlerTable, Extract<IpcChannel, TrainingChannel>>

export function trainingHandlers(ctx: HandlerContext): TrainingHandlers {
  const projects = () => ctx.device.training.projects
  const attendance = () => ctx.device.training.attendance
  const records = () => ctx.device.training.projectRecords
  const trainees = () => ctx.device.training.trainees
  return {
    'projects.list': (input) => trainingCall(() => projects().list(input ?? {})),
    'projects.get': ({ id }) => trainingCall(() => projects().get(id)),
    'sessions.create': (input) => trainingCall(() => projects().createSession(input)),
    'classes.create': (input) => trainingCall(() => projects().createClass(input)),
    'classes.update': (input) => trainingCall(() => projects().updateClass(input)),
    'classes.delete': (input) => trainingCall(() => projects().deleteClass(input)),
    'sessions.update': (input) => trainingCall(() => projects().updateSession(input)),
    'sessions.delete': ({ id }) => trainingCall(() => projects().deleteSession(id)),
    'feedback.record': (input) => trainingCall(() => projects().recordFeedback(input)),
    'projects.teamCandidates': () => trainingCall(() => projects().teamCandidates()),
    'projects.teamSave': (input) => trainingCall(() => projects().saveTeamMember(input)),
    'projects.teamRemove': (input) => trainingCall(() => projects().removeTeamMember(input)),
    'projects.setCompletionRule': (input) => trainingCall(() => projects().setCompletionRule(input)),
    'instructors.directory': () => trainingCall(() => ctx.device.training.instructors.directory()),
    'instructors.save': (input) => trainingCall(() => ctx.device.training.instructors.save(input)),
    'enrollments.list': ({ classId }) => trainingCall(() => ctx.device.training.enrollments.list(classId)),
    'enrollments.setStatus': (input) => trainingCall(() => ctx.device.training.enrollments.setStatus(input)),
    'classes.roster': ({ classId }) => trainingCall(() => attendance().roster(classId)),
    'classes.agenda': ({ from, days }) => trainingCall(() => projects().agenda(from, days)),
    'instructors.list': () => trainingCall(() => ctx.device.training.instructors.options()),
    'attendance.mark': (input) => trainingCall(() => attendance().mark(input)),
    'attendance.markRestPresent': ({ classId }) => trainingCall(() => attendance().markRestPresent(classId)),
    'attendance.walkIn': (input) => trainingCall(() => attendance().walkIn(input)),
    'projects.save': (input) => trainingCall(() => records().save(input)),
    'projects.fromOpportunity': ({ opportunityId }) => trainingCall(() => records().fromOpportunity(opportunityId)),
    'projects.forOpportunity': ({ opportunityId }) => trainingCall(() => records().forOpportunity(opportunityId)),
    'projects.remove': ({ id }) =>
      trainingCall(() => {
        records().remove(id)
        return { ok: true } as const
      }),
    'projects.restore': ({ id }) => trainingCall(() => records().restore(id)),
    'projects.deleted': () => trainingCall(() => records().deleted()),
    'projects.formOptions': () => trainingCall(() => records().formOptions()),
    'projects.completion': ({ projectId, sessionId }) => trainingCall(() => projects().completion(projectId, sessionId)),
    'contracts.list': () => trainingCall(() => ctx.device.training.contracts.list()),
    'contracts.get': ({ id }) => trainingCall(() => ctx.device.training.contracts.get(id)),
    'contracts.save': (input) => trainingCall(() => ctx.device.training.contracts.save(input)),
    'contracts.fromOpportunity': ({ opportunityId }) => trainingCall(() => ctx.device.training.contracts.fromOpportunity(opportunityId)),
    'contracts.formOptions': () => trainingCall(() => ctx.device.training.contracts.formOptions()),
    'projects.coordinatorHome': () => trainingCall(() => ctx.device.training.coordinatorHome.home()),
    'trainees.search': ({ query }) => trainingCall(() => trainees().search(query)),
    'trainees.duplicates': () => trainingCall(() => trainees().duplicates()),
    'trainees.merge': ({ keepId, mergeIds }) => trainingCall(() => trainees().merge(keepId, mergeIds)),
    'enrollments.add': ({ classId, sessionId, traineeIds, rows }) =>
      trainingCall(() => {
        const result = trainees().enrol({ classId, sessionId }, traineeIds, rows)
        return { result, enrollments: classId ? ctx.device.training.enrollments.list(classId) : null }
      }),
    'enrollments.remove': ({ enrollmentId }) => trainingCall(() => ctx.device.training.enrollments.list(trainees().unenrol(enrollmentId))),
  }
}
