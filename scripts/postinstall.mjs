// After `npm install`: fetch the Electron binary and build better-sqlite3 for
// Electron (see scripts/electron-native.mjs). Both need the internet; where it
// is unreachable (our build machines, CI) this warns and the install succeeds,
// because tests and serve mode run on plain Node and need neither.
import { buildElectronSqlite, electronNativeIsCurrent, installElectronBinary } from './electron-native.mjs';

const warn = (zh, en) => console.warn(`\n[petition-hall] 警告：${zh}\n[petition-hall] warning: ${en}\n`);

if (process.env.PETITION_HALL_SKIP_ELECTRON === '1') {
  console.log('[petition-hall] PETITION_HALL_SKIP_ELECTRON=1: skipping Electron binary and native build.');
} else {
  try {
    if (!installElectronBinary({ timeoutMs: process.env.CI ? 60_000 : 300_000 })) {
      warn(
        '未能下载 Electron 程序，桌面版暂不能启动；浏览器模式（npm run serve）和测试不受影响。联网后执行 npm run install:electron 即可补装。',
        'could not download the Electron binary; serve mode and tests still work. Run `npm run install:electron` once online.',
      );
    }
  } catch (e) {
    warn('下载 Electron 程序时出错：' + e.message, 'Electron download failed: ' + e.message);
  }
  try {
    if (!electronNativeIsCurrent() && !buildElectronSqlite({ timeoutMs: process.env.CI ? 60_000 : 240_000 })) {
      warn(
        '未能为 Electron 编译数据库组件（better-sqlite3），桌面版暂不能启动；联网后执行 npm run rebuild:electron-sqlite。',
        'could not build better-sqlite3 for Electron; run `npm run rebuild:electron-sqlite` once online.',
      );
    }
  } catch (e) {
    warn('为 Electron 编译数据库组件时出错：' + e.message, 'Electron better-sqlite3 build failed: ' + e.message);
  }
}
