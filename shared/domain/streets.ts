/** The streets (街道) of Jianghai District whose shops take part (shared/reference/streets.json). */
export const STREETS = ['jiangnan', 'waihai', 'lile'] as const
export type Street = typeof STREETS[number]
