/**
 * The projects / training domain of one device: `createTraining(ctx)`, the same shape as every core/<domain>/index.ts
 * (the device id in the context is stamped on each attendance mark).
 */
import { type DomainContext } from '../common/context'
import { createAttendanceRepo, type AttendanceRepo } from './attendance'
import { createEnrollmentsRepo, type EnrollmentsRepo } from './enrollments'
import { createInstructorsRepo, type InstructorsRepo } from './instructors'
import { createContractsRepo, type ContractsRepo } from './contracts'
import { createCoordinatorHomeRepo, type CoordinatorHomeRepo } from './coordinator-home'
import { createTraineeDirectory, type TraineeDirectory } from './trainees'
import { createProjectRecordsRepo, type ProjectRecordsRepo } from './project-records'
import { createProjectsRepo, type ProjectsRepo } from './projects'

export interface TrainingRepos {
  readonly projects: ProjectsRepo
  readonly projectRecords: ProjectRecordsRepo
  readonly trainees: TraineeDirectory
  readonly contracts: ContractsRepo
  readonly attendance: AttendanceRepo
  readonly enrollments: EnrollmentsRepo
  readonly instructors: InstructorsRepo
  readonly coordinatorHome: CoordinatorHomeRepo
}

export function createTraining(ctx: DomainContext): TrainingRepos {
  const projects = createProjectsRepo(ctx)
  return {
    projects,
    projectRecords: createProjectRecordsRepo(ctx, (id) => projects.get(id)),
    trainees: createTraineeDirectory(ctx),
    contracts: createContractsRepo(ctx),
    attendance: createAttendanceRepo(ctx),
    enrollments: createEnrollmentsRepo(ctx),
    instructors: createInstructorsRepo(ctx),
    coordinatorHome: createCoordinatorHomeRepo(ctx, projects),
  }
}
