import { buildElectronSqlite, electronNativeFile } from './electron-native.mjs';

if (buildElectronSqlite()) {
  console.log(`better-sqlite3 for Electron written to ${electronNativeFile}`);
} else {
  console.error('构建失败：请确认能访问 Electron 头文件或预编译包所在网络，并已安装 C++ 编译工具。');
  process.exit(1);
}
