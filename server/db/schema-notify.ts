/** Kysely table types of the `notify` module (migration files of the module), merged into DB. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotifyTables {}
