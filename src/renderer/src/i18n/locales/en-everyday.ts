/** English texts shared by everyday tools: list text filters, searchable pickers, undo and the trash. */
import { type koEveryday } from './ko-everyday'

export const enEveryday: typeof koEveryday = {
  everyday: {
    listFilter: {
      label: 'Filter this list',
      placeholder: 'Name or code',
      companies: 'Filter companies',
      opportunities: 'Filter opportunities',
      projects: 'Filter projects',
      meetings: 'Filter meetings',
      noMatch: 'Nothing matches "{{query}}". Clear the filter to see everything.',
      clear: 'Clear the filter',
    },
    combobox: {
      placeholder: 'Type to find',
      noMatch: 'Nothing matches "{{query}}".',
      count: 'Choose from {{count}}',
      more: '{{count}} more. Type more to narrow the list.',
      none: 'None',
    },
  },
}
