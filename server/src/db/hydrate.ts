import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a raw row into an entity with the driver's own conversions (dates, booleans, JSON), as
 * TypeORM's query builder would, without building a query. For hot paths that run plain SQL.
 */
export function hydrate<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>, raw: Record<string, unknown>): T {
  const meta = ds.getMetadata(target);
  const entity = meta.create() as T;
  for (const column of meta.columns) {
    (entity as Record<string, unknown>)[column.propertyName] = ds.driver.prepareHydratedValue(raw[column.databaseName], column);
  }
  return entity;
}
