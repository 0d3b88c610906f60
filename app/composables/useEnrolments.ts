export interface Enrolment { eventSlug: string, eventTitle: string, categories: string[] }

/** The signed-in merchant's event enrolments (GET /api/v1/merchant/enrolments). */
export function useEnrolments() {
  return useFetch<{ items: Enrolment[] }>('/api/v1/merchant/enrolments', { key: 'merchant-enrolments', server: false, default: () => ({ items: [] }) })
}
