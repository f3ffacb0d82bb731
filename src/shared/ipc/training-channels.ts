/** The projects and training channels (프로젝트, 차수, 분반, 출결), spread into `ipcChannels`. */
export const trainingChannels = [
  'projects.list',
  'projects.get',
  'sessions.create',
  'classes.create',
  'classes.update',
  'classes.delete',
  'sessions.update',
  'sessions.delete',
  'enrollments.list',
  'enrollments.setStatus',
  'feedback.record',
  'projects.teamCandidates',
  'projects.teamSave',
  'projects.teamRemove',
  'projects.setCompletionRule',
  'classes.roster',
  'classes.agenda',
  'instructors.list',
  'instructors.directory',
  'instructors.save',
  'attendance.mark',
  'attendance.markRestPresent',
  'attendance.walkIn',
] as const

export type TrainingChannel = (typeof trainingChannels)[number]
