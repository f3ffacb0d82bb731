/** English names for codes that arrive as data but are read as words (see ko-labels.ts). */
import { type koLabels } from './ko-labels'

export const enLabels: typeof koLabels = {
  labels: {
    roles: {
      ADMIN: 'System administrator',
      EXECUTIVE: 'Executive',
      SALES_MANAGER: 'Sales manager',
      SALES_REP: 'Sales consultant',
      PROJECT_MANAGER: 'Project manager',
      COORDINATOR: 'Training coordinator',
      CONSULTANT: 'HR consultant',
      STAFF: 'Business support',
    },
  },
}
