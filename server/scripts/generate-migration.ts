/**
 * Writes a migration for SQLite and one for MySQL with the SQL that brings a database migrated so
 * far up to the current entities, the way `typeorm migration:generate` does.
 *
 *   npx tsx server/scripts/generate-migration.ts AddSomething [mysql://root@127.0.0.1:3306/test]
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { createDataSource } from '../src/db/dataSource.js';

const [name, mysqlUrl = 'mysql://root@127.0.0.1:3306/test'] = process.argv.slice(2);
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration.ts PascalCaseName [mysql-url]');
  process.exit(2);
}
const stamp = Date.now();
const className = `${name}${stamp}`;

async function generate(kind: 'sqlite' | 'mysql', database: Parameters<typeof createDataSource>[0]) {
  const ds = await createDataSource(database);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log(`${kind}: no changes`);
    return;
  }
  const q = (s: string) => `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => `    await queryRunner.query(${q(u.query)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map((u) => `    await queryRunner.query(${q(u.query)});`).join('\n')}
  }
}
`;
  const file = `server/src/db/migrations/${kind}/${stamp}-${name}.ts`;
  writeFileSync(file, body);
  console.log(`${kind}: wrote ${file}`);
}

/** Rewrites migrations/index.ts to list every migration file, oldest first. */
function writeIndex() {
  const dir = 'server/src/db/migrations';
  const lines: string[] = [];
  const lists: Record<string, string[]> = { sqlite: [], mysql: [] };
  for (const kind of ['sqlite', 'mysql'] as const) {
    for (const file of readdirSync(`${dir}/${kind}`).filter((f) => f.endsWith('.ts')).sort()) {
      const [ts, migration] = file.replace(/\.ts$/, '').split('-') as [string, string];
      const alias = `${kind}${migration}${ts}`;
      lines.push(`import { ${migration}${ts} as ${alias} } from './${kind}/${file.replace(/\.ts$/, '.js')}';`);
      lists[kind]!.push(alias);
    }
  }
  writeFileSync(
    `${dir}/index.ts`,
    `// Written by server/scripts/generate-migration.ts: each database has its own generated SQL.
import type { MigrationInterface } from 'typeorm';
${lines.join('\n')}

type MigrationClass = new () => MigrationInterface;

export const sqliteMigrations: MigrationClass[] = [${lists.sqlite!.join(', ')}];
export const mysqlMigrations: MigrationClass[] = [${lists.mysql!.join(', ')}];
`,
  );
}

await generate('sqlite', { kind: 'sqlite', file: ':memory:' });
const scratch = `ic_migration_${stamp}`;
const admin = await createConnection(mysqlUrl);
await admin.query(`CREATE DATABASE ${scratch}`);
try {
  await generate('mysql', { kind: 'mysql', url: mysqlUrl.replace(/\/[^/]*$/, `/${scratch}`) });
} finally {
  await admin.query(`DROP DATABASE ${scratch}`);
  await admin.end();
}
writeIndex();
