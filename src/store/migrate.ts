// Versioned migrations. Each has a stable id and runs once, in list order, inside a transaction
// together with the record that it ran, so a crash mid-migration leaves the database as it was.
// Ids (not a single number) let each room of the core own its migrations without renumbering others.
import type { Db } from './database.js';

export interface Migration {
  id: string;
  up(db: Db): void;
}

export function runMigrations(db: Db, migrations: readonly Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((row) => row.id),
  );
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const ran: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.id, Date.now());
    })();
    ran.push(migration.id);
  }
  return ran;
}
