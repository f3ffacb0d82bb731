/** The projects and training channels (프로젝트, 차수, 분반, 출결), spread into `ipcChannels`. */
export const trainingChannels = [
  'projects.list',
  'projects.get',
  'sessions.create',
  'classes.create',
  'classes.roster',
  'classes.agenda',
  'instructors.list',
  'attendance.mark',
  'attendance.markRestPresent',
  'attendance.walkIn',
] as const

export type TrainingChannel = (typeof trainingChannels)[number]
