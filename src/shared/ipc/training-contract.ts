/** Contract entries of the projects and training channels (spread into `ipcContract`). */
import { z } from 'zod'
import { idSchema, isoDateSchema } from '../model/validation/common'
import {
  attendanceMarkSchema,
  classCreateSchema,
  classDeleteSchema,
  classUpdateSchema,
  completionRuleSchema,
  enrollmentStatusSchema,
  feedbackRecordSchema,
  instructorSaveSchema,
  teamMemberRemoveSchema,
  teamMemberSaveSchema,
  sessionUpdateSchema,
  projectListSchema,
  sessionCreateSchema,
  walkInSchema,
  enrolSchema,
  traineeMergeSchema,
} from '../model/validation/training'
import { contractSaveSchema, projectFromOpportunitySchema, projectSaveSchema } from '../model/validation/projects'
import { returns } from './returns'
import { type TrainingChannel } from './training-channels'
import {
  type AgendaClass,
  type ClassCreateResult,
  type ClassDeleteResult,
  type ClassEnrollments,
  type ClassRoster,
  type CompletionList,
  type ContractView,
  type ContractFormOptions,
  type CoordinatorHome,
  type DeletedProject,
  type EnrollResult,
  type TraineeView,
  type OpportunityTraining,
  type ProjectFormOptions,
  type InstructorOption,
  type InstructorView,
  type ProjectDetail,
  type ProjectSummary,
} from './training-types'

const byClass = z.strictObject({ classId: idSchema })

export const trainingContract = {
  'projects.list': { input: projectListSchema, output: returns<readonly ProjectSummary[]>() },
  'projects.get': { input: z.strictObject({ id: idSchema }), output: returns<ProjectDetail>() },
  'sessions.create': { input: sessionCreateSchema, output: returns<ProjectDetail>() },
  /** Answers `doubleBooked` (nothing saved) unless `allowDoubleBooking`; the override is logged on the project. */
  'classes.create': { input: classCreateSchema, output: returns<ClassCreateResult>() },
  /** Same answers as create (`created` = saved); the class itself never counts as a clash. */
  'classes.update': { input: classUpdateSchema, output: returns<ClassCreateResult>() },
  /** Answers `hasAttendance` (nothing deleted) unless `confirmAttendance`; marks are kept, hidden with the class. */
  'classes.delete': { input: classDeleteSchema, output: returns<ClassDeleteResult>() },
  'sessions.update': { input: sessionUpdateSchema, output: returns<ProjectDetail>() },
  /** Refused (`training.hasClasses`) while the session has live classes. */
  'sessions.delete': { input: z.strictObject({ id: idSchema }), output: returns<ProjectDetail>() },
  /** Every enrolment of a class, waiting decisions first. */
  'enrollments.list': { input: byClass, output: returns<ClassEnrollments>() },
  /** Confirm / waitlist / cancel / re-apply; a confirmation is refused (`training.classFull`) at capacity. */
  'enrollments.setStatus': { input: enrollmentStatusSchema, output: returns<ClassEnrollments>() },
  /** One satisfaction answer (1–5) for a session or a class; averages come back derived on the project. */
  'feedback.record': { input: feedbackRecordSchema, output: returns<ProjectDetail>() },
  'projects.teamCandidates': { input: z.undefined(), output: returns<readonly InstructorOption[]>() },
  /** Adds a member or changes their role / allocation %; one row per (project, user) on every device. */
  'projects.teamSave': { input: teamMemberSaveSchema, output: returns<ProjectDetail>() },
  'projects.teamRemove': { input: teamMemberRemoveSchema, output: returns<ProjectDetail>() },
  /** Sets or clears (null = default) the project's completion share; refused (`training.notPermitted`) without projects:update. */
  'projects.setCompletionRule': { input: completionRuleSchema, output: returns<ProjectDetail>() },
  'classes.roster': { input: byClass, output: returns<ClassRoster>() },
  /** Classes from a date (the renderer's today) for a number of days, earliest first: the coordinator's agenda. */
  'classes.agenda': {
    input: z.strictObject({ from: isoDateSchema, days: z.number().int().min(1).max(62).default(14) }),
    output: returns<readonly AgendaClass[]>(),
  },
  'instructors.list': { input: z.undefined(), output: returns<readonly InstructorOption[]>() },
  /** The instructor directory with specialties, certifications and grade (inactive ones last). */
  'instructors.directory': { input: z.undefined(), output: returns<readonly InstructorView[]>() },
  /** Creates (no id) or edits an instructor; refused (`training.notPermitted`) for users the rule does not allow. */
  'instructors.save': { input: instructorSaveSchema, output: returns<readonly InstructorView[]>() },
  /** One mark; the record's id is derived from (class, trainee) so concurrent offline marks merge per field. */
  'attendance.mark': { input: attendanceMarkSchema, output: returns<ClassRoster>() },
  /** Every confirmed trainee not yet marked becomes PRESENT, in one local transaction. */
  'attendance.markRestPresent': { input: byClass, output: returns<ClassRoster>() },
  /** Trainee + confirmed enrolment + mark, in one local transaction. */
  'attendance.walkIn': { input: walkInSchema, output: returns<ClassRoster>() },
  /** Creates (no id) or edits a project; a new one gets an offline code and the creator as coordinator by default. */
  'projects.save': { input: projectSaveSchema, output: returns<ProjectDetail>() },
  /** A project from a won opportunity (refused `training.notWon` otherwise), its company, branch and amount carried over. */
  'projects.fromOpportunity': { input: projectFromOpportunitySchema, output: returns<ProjectDetail>() },
  'projects.forOpportunity': { input: projectFromOpportunitySchema, output: returns<OpportunityTraining>() },
  /** Soft delete (synced); restorable from the deleted list. */
  'projects.remove': { input: z.strictObject({ id: idSchema }), output: returns<{ readonly ok: true }>() },
  'projects.restore': { input: z.strictObject({ id: idSchema }), output: returns<ProjectDetail>() },
  'projects.deleted': { input: z.undefined(), output: returns<readonly DeletedProject[]>() },
  'projects.formOptions': { input: z.undefined(), output: returns<ProjectFormOptions>() },
  /** The trainee directory by name, phone or e-mail (at most 50). */
  'trainees.search': { input: z.strictObject({ query: z.string().trim().max(100) }), output: returns<readonly TraineeView[]>() },
  /** Groups of records that are the same person (name + mobile or e-mail): what to merge. */
  'trainees.duplicates': { input: z.undefined(), output: returns<ReadonlyArray<readonly TraineeView[]>>() },
  /** Moves enrolments, marks and answers to the kept trainee, fills its empty fields, deletes the others (restorable). */
  'trainees.merge': { input: traineeMergeSchema, output: returns<TraineeView>() },
  /** Existing trainees and / or new rows (found or created) into a class or every class of a session; seats, then waitlist. */
  'enrollments.add': { input: enrolSchema, output: returns<{ readonly result: EnrollResult; readonly enrollments: ClassEnrollments | null }>() },
  /** The completion list (수료 명단) per trainee and session, for the XLSX export and the certificates. */
  'projects.completion': {
    input: z.strictObject({ projectId: idSchema, sessionId: idSchema.optional() }),
    output: returns<CompletionList>(),
  },
  'contracts.list': { input: z.undefined(), output: returns<readonly ContractView[]>() },
  'contracts.get': { input: z.strictObject({ id: idSchema }), output: returns<ContractView>() },
  /** Creates (no id) or edits a contract and sets which projects it covers; an empty code becomes an offline one. */
  'contracts.save': { input: contractSaveSchema, output: returns<ContractView>() },
  /** A DRAFT contract from a won opportunity (refused `training.notWon` otherwise), linked to its projects. */
  'contracts.fromOpportunity': { input: projectFromOpportunitySchema, output: returns<ContractView>() },
  /** What the contracts screen offers: won opportunities (and whether each has a contract), projects to link. */
  'contracts.formOptions': { input: z.undefined(), output: returns<ContractFormOptions>() },
  /** The coordinator's home (classes today and this week, rosters not taken, completion, clashes), or who it is not for. */
  'projects.coordinatorHome': { input: z.undefined(), output: returns<CoordinatorHome>() },
  'enrollments.remove': { input: z.strictObject({ enrollmentId: idSchema }), output: returns<ClassEnrollments>() },
} as const satisfies { readonly [K in TrainingChannel]: { readonly input: z.ZodType; readonly output: object } }
