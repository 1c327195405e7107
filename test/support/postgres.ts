// One-off statements against the server named by DATABASE_URL (create/drop the databases tests use).
import pg from 'pg';

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
