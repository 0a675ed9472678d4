// npm run backup:now -- --data <folder>
//   A verified online backup into the folder set in 备份与恢复 (or --to <folder>), as 立即备份 does.
// npm run backup:restore -- --data <folder> --from <backup .sqlite3 file> [--yes]
//   Shows what will be replaced (the current database against the backup: last change, size,
//   visits), asks for 是 (unless --yes), keeps the current database aside and restores. Safe
//   while the app runs: see services/backup/backup.ts. Both are audited (no user: the command line).
// Exits 0 on success, 1 on failure or refusal, 2 on a usage error.
import { basename, dirname, extname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { formatDateTime } from '@shared/time';
import { ApiError } from '@shared/api/errors';
import type { StoreSummary } from '@shared/api/schemas/backup';
import { createBackend } from './backend';
import { getBackupSettings, planRestoreIn, restoreFrom, runBackup } from './services/backup/backup';
import { writeTransaction } from './db/transaction';

const USAGE = `用法：
  npm run backup:now -- --data <数据文件夹> [--to <备份文件夹>]
  npm run backup:restore -- --data <数据文件夹> --from <备份文件（.sqlite3）> [--yes]`;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const describe = (s: StoreSummary) =>
  `最后修改 ${s.lastChangeAt ? formatDateTime(s.lastChangeAt) : '无'}，${mb(s.bytes)}，来访 ${s.visits} 条`;

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { data: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, yes: { type: 'boolean', default: false } },
  });
  if (!values.data || (command !== 'now' && command !== 'restore') || (command === 'restore' && !values.from)) {
    console.error(USAGE);
    return 2;
  }
  // The SQLite file of the data folder, never PETITION_HALL_DATABASE_URL: PostgreSQL is backed up with pg_dump.
  const dataDir = resolve(values.data);
  const backend = await createBackend({ dataDir, database: resolve(dataDir, 'petition-hall.sqlite3') });
  try {
    const deps = backend.deps;
    if (command === 'now') {
      if (values.to) {
        const folder = resolve(values.to);
        const settings = await getBackupSettings(deps.db);
        await writeTransaction(deps.db, async (trx) => {
          const at = deps.now().toISOString();
          const value = JSON.stringify({ ...settings, folder });
          await trx
            .insertInto('settings')
            .values({ key: 'backup', value_json: value, updated_at: at })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: value, updated_at: at }))
            .execute();
        });
      }
      const b = await runBackup(deps, null, '命令行');
      console.log(`备份完成：${b.name}（${mb(b.bytes)}，来访 ${b.visits} 条，存档文件 ${b.archiveFiles} 个）`);
      console.log(`SHA-256：${b.sha256}`);
      return 0;
    }
    const file = resolve(values.from!);
    const folder = dirname(file);
    const name = basename(file, extname(file));
    const plan = await planRestoreIn(deps, folder, name);
    console.log(`将用备份 ${name}（${formatDateTime(plan.backup.createdAt)} 制作）替换当前数据库：`);
    console.log(`  当前数据库：${describe(plan.current)}`);
    console.log(`  备份：      ${describe(plan.backup)}`);
    console.log(`  当前数据库将另存于 ${plan.asideFolder}（不删除）`);
    if (!values.yes) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = (await rl.question('确认恢复请输入“是”：')).trim();
      rl.close();
      if (answer !== '是' && answer.toLowerCase() !== 'yes') {
        console.log('已取消，数据未改变');
        return 1;
      }
    }
    const r = await restoreFrom(deps, null, { folder, name, sha256: plan.sha256 });
    console.log(`恢复完成。原数据库另存为 ${r.asideFile}；恢复存档文件 ${r.archiveRestored} 个`);
    return 0;
  } finally {
    await backend.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ApiError ? e.message : `失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
