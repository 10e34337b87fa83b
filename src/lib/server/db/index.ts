export { createDatabase, type DatabaseHandle, type DatabaseOptions } from './create';
export { migrateToLatest } from './migrate';
export type * from './types';
