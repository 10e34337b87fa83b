export { courseContributions, contributionsOf, type Contribution, type Contributions, type PerspectiveTotal } from './summary';
export { createAttributionRecorder, touchedFields } from './attribution';
export { coCreationAtPublication, coCreationSetting, publicCoCreation, setCoCreationShown, type CoCreationCount, type CoCreationSetting } from './co-creation';
