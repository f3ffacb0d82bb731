/** How a role's name reads: the customer's seed codes (SALES_REP) in the user's language, any other name as typed. */
import { type TFunction } from 'i18next'
import { koLabels } from '../../i18n/locales/ko-labels'

type SeedRole = keyof typeof koLabels.labels.roles

function isSeedRole(name: string): name is SeedRole {
  return Object.hasOwn(koLabels.labels.roles, name)
}

export function roleLabel(name: string, t: TFunction): string {
  return isSeedRole(name) ? t(`labels.roles.${name}`) : name
}
