/** The contracts screen (계약): the list with its filter, the open contract, and the two dialogs. */
import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type ContractFormOptions, type ContractView } from '../../../../shared/ipc/training-types'
import { type ContractSaveInput } from '../../../../shared/model/validation/projects'
import { api, toIpcError } from '../../lib/api'
import { onOpenRecord } from '../../lib/record-links'
import { type ContractFilter } from './contracts-view'

/** Tables the screen reads: a change to any of them (here or pulled) reloads it. */
export const CONTRACTS_READS = ['contracts', 'projects', 'opportunities', 'companies'] as const

interface ContractsState {
  readonly contracts: readonly ContractView[]
  readonly loaded: boolean
  readonly filter: ContractFilter
  /** The contract whose page is open; null shows the list. */
  readonly openId: string | null
  readonly options: ContractFormOptions | null
  readonly dialog: 'fromOpportunity' | 'edit' | null
  readonly error: IpcError | null
}

interface ContractsActions {
  screenOpened(): Promise<void>
  reload(): Promise<void>
  filterChanged(filter: Partial<ContractFilter>): void
  contractOpened(id: string | null): void
  dialogOpened(dialog: ContractsState['dialog']): Promise<void>
  /** A DRAFT contract from the won opportunity; its page opens with the edit dialog so the rest can be filled in. */
  createdFromOpportunity(opportunityId: string): Promise<void>
  saved(input: ContractSaveInput): Promise<void>
  errorDismissed(): void
}

let linksHeard = false

export const useContractsStore = create<ContractsState & ContractsActions>()((set, get) => {
  const guard = async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn()
      return true
    } catch (e) {
      set({ error: toIpcError(e) })
      return false
    }
  }
  const loadOptions = async (): Promise<void> => set({ options: await api.contracts.formOptions() })
  return {
    contracts: [],
    loaded: false,
    filter: { query: '', status: '' },
    openId: null,
    options: null,
    dialog: null,
    error: null,

    async screenOpened() {
      if (!linksHeard) {
        linksHeard = true
        // Links from a project, an opportunity or a search hit open the contract's page.
        onOpenRecord((link) => {
          if (link.screen === 'contracts' && link.contractId) set({ openId: link.contractId, dialog: null })
        })
      }
      await get().reload()
    },
    async reload() {
      await guard(async () => {
        const [contracts] = await Promise.all([api.contracts.list(), get().dialog ? loadOptions() : Promise.resolve()])
        set({ contracts, loaded: true })
      })
    },
    filterChanged(filter) {
      set({ filter: { ...get().filter, ...filter } })
    },
    contractOpened(id) {
      set({ openId: id, dialog: null })
    },
    async dialogOpened(dialog) {
      set({ dialog, error: null })
      if (dialog) await guard(loadOptions)
    },
    async createdFromOpportunity(opportunityId) {
      await guard(async () => {
        const contract = await api.contracts.fromOpportunity({ opportunityId })
        set({ contracts: await api.contracts.list(), openId: contract.id, dialog: 'edit' })
        await loadOptions()
      })
    },
    async saved(input) {
      await guard(async () => {
        const contract = await api.contracts.save(input)
        set({ contracts: await api.contracts.list(), openId: contract.id, dialog: null })
      })
    },
    errorDismissed() {
      set({ error: null })
    },
  }
})
