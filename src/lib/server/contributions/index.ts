export { courseContributions, contributionsOf, type Contribution, type Contributions, type PerspectiveTotal } from './summary';
export { createAttributionRecorder, touchedFields } from './attribution';
