/** @module What others use of the activity feature: the list, and the list as a dialog's disclosure (the workspace's activity view loads lazily, see ActiveView). */
export { ActivityList } from './ActivityList.tsx'
export { ActivityDetails } from './ActivityDetails.tsx'
