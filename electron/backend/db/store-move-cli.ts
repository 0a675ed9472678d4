// npm run store:move -- --from <SQLite file> --to <postgres://…>
// Moves a hall from its SQLite file to an empty PostgreSQL database (store-move.ts).
// Exits 0 when every table's row count and checksum match, 1 otherwise.
import { parseArgs } from 'node:util';
import { formatReport, moveStore, MoveError } from './store-move';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from || !values.to) {
    console.error('用法：npm run store:move -- --from <SQLite 数据文件> --to postgres://用户名:密码@主机:端口/数据库名');
    return 2;
  }
  try {
    const report = await moveStore({
      from: values.from,
      to: values.to,
      progress: (t, n) => console.log(`已复制 ${t}：${n} 行`),
    });
    console.log('');
    console.log(formatReport(report));
    return report.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof MoveError && e.report) console.error(formatReport(e.report));
    console.error(`迁移失败：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
