import { type JSX } from 'react'
import { type ScreenId } from '../app/navigation'

// Simple 24×24 line icons; stroke follows currentColor.
const paths: Record<ScreenId, string> = {
  dashboard: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  companies: 'M4 20V6l7-3v17M11 20h9V9l-9-3M7 8v1M7 12v1M7 16v1M15 12v1M15 16v1',
  leads: 'M12 3a9 9 0 1 0 9 9M12 7a5 5 0 1 0 5 5M12 11a1 1 0 1 0 1 1M12 12l8-8M17 4h3v3',
  opportunities: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  projects: 'M3 6h6l2 2h10v11H3zM3 10h18',
  contracts: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7M9 8h3',
  training: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6',
  meetings: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3M8 17h6',
  products: 'M12 3l8 4v10l-8 4-8-4V7zM4 7l8 4 8-4M12 11v10',
  kpi: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  admin: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
}

export function NavIcon({ screen }: { readonly screen: ScreenId }): JSX.Element {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[screen]} />
    </svg>
  )
}
