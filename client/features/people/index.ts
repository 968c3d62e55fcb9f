/** @module What others use of the people feature: a link to a person's page (the page itself loads lazily, see ActiveView). */
export { PersonLink } from './PersonLink.tsx'
