/** Satisfaction answers (만족도) for a session or one of its classes; the project page summarises them. */
import { type z } from 'zod'
import { type feedbackRecordSchema } from '../../../shared/model/validation/training'
import { type ProjectDetail } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { type ProjectLookups } from './project-rows'
import { TrainingRuleError } from './rules'

export interface ProjectFeedback {
  /** One satisfaction answer for a session or one of its classes (the class's instructor is recorded with it). */
  recordFeedback(input: z.output<typeof feedbackRecordSchema>): ProjectDetail
}

export function createProjectFeedback(
  ctx: RepoContext,
  { lookups, page: get }: { lookups: ProjectLookups; page: (projectId: string) => ProjectDetail },
): ProjectFeedback {
  const { sqlite, writer } = ctx
  const { requireActor, requireSession } = lookups
  const classInSession = sqlite.prepare<[string, string], { instructor_id: string | null }>(
    'SELECT instructor_id FROM training_classes WHERE id = ? AND session_id = ? AND deleted_at IS NULL',
  )

  return {
    recordFeedback(input) {
      requireActor()
      const session = requireSession(input.sessionId)
      let instructorId: string | null = null
      if (input.classId !== null) {
        const klass = classInSession.get(input.classId, session.id)
        if (!klass) throw new TrainingRuleError('notFound', `No class ${input.classId} in session ${session.id}`)
        instructorId = klass.instructor_id
      }
      writer.upsert('training_feedback', ctx.newId(), {
        session_id: session.id,
        class_id: input.classId,
        instructor_id: instructorId,
        overall_rating: input.overallRating,
        content_rating: input.contentRating,
        instructor_rating: input.instructorRating,
        operation_rating: input.operationRating,
        comment: input.comment,
        submitted_at: ctx.now().toISOString(),
      })
      return get(session.project_id)
    },
  }
}
