// A few line icons, drawn inline so no icon font or package is needed.
// Decorative: they carry aria-hidden and sit next to text or a label.
const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
}

export const NoContactIcon = () => (
  <svg {...base}>
    <circle cx="8" cy="8" r="6" />
    <path d="M3.8 12.2l8.4-8.4" />
  </svg>
)

export const SortIcon = ({ dir }: { dir: 'asc' | 'desc' | 'none' }) => (
  <svg {...base} width={12} height={12}>
    {dir !== 'desc' && <path d="M4 6.5l4-4 4 4" opacity={dir === 'none' ? 0.35 : 1} />}
    {dir !== 'asc' && <path d="M4 9.5l4 4 4-4" opacity={dir === 'none' ? 0.35 : 1} />}
  </svg>
)

export const PlusIcon = () => (
  <svg {...base}>
    <path d="M8 3v10M3 8h10" />
  </svg>
)

export const WarningIcon = () => (
  <svg {...base}>
    <path d="M8 2.5l6 11H2z" />
    <path d="M8 7v3M8 12v.01" />
  </svg>
)

export const SearchIcon = () => (
  <svg {...base}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5L14 14" />
  </svg>
)

export const BackIcon = () => (
  <svg {...base}>
    <path d="M10 3L5 8l5 5" />
  </svg>
)
