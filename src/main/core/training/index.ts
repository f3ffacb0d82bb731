/**
 * The projects / training repositories of one device, wired to its core: the writer for every write, the signed-in
 * user as the actor, the device id stamped on each attendance mark.
 */
import { type DeviceCore } from '../device'
import { repoContextOf } from '../common/context'
import { createAttendanceRepo, type AttendanceRepo, type AttendanceRepoContext } from './attendance'
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

/** Builds the repositories from any context (tests pass a RepoTestDevice plus a device id). */
export function createTrainingRepos(ctx: AttendanceRepoContext): TrainingRepos {
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

export function createTrainingDevice(core: DeviceCore, now: () => Date = () => new Date()): TrainingRepos {
  return createTrainingRepos({ ...repoContextOf(core, now), deviceId: () => core.state.get('device_id') })
}
