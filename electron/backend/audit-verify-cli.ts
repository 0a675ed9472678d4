// npm run audit:verify -- --data <folder> | --database <postgres://… or SQLite file>
// Checks the audit log's hash chain (services/audit.ts, verifyAuditChain) and
// prints 审计链完整（N 条） with the last row's hash, or the first broken link.
// Exits 0 when the chain is whole, 1 when it is broken, 2 on a usage error.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDateTime } from '@shared/time';
import { DB_FILE_NAME } from './backend';
import { openStore, redactUrl } from './db/connection';
import { describeChain, verifyAuditChain } from './services/audit';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, database: { type: 'string' } } });
  const target = values.database ?? (values.data ? join(values.data, DB_FILE_NAME) : undefined);
  if (!target) {
    console.error('用法：npm run audit:verify -- --data <数据文件夹> 或 --database postgres://用户名:密码@主机:端口/数据库名');
    return 2;
  }
  const store = await openStore(target);
  try {
    const report = await verifyAuditChain(store.db);
    console.log(`数据库：${redactUrl(store.location)}`);
    console.log(describeChain(report, formatDateTime));
    if (report.headHash) console.log(`最后一条的哈希值：${report.headHash}（可另行记下，日后核对末尾未被删除）`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`核验失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
