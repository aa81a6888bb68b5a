/**
 * The database's tables as Kysely sees them. Each domain adds its own tables by module
 * augmentation in its queries file, so a table is declared beside the code that owns it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
