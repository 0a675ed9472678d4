import { installElectronBinary } from './electron-native.mjs';

if (!installElectronBinary()) {
  console.error('下载 Electron 失败：请确认能访问 Electron 的下载服务器（或设置 ELECTRON_MIRROR 镜像）。');
  process.exit(1);
}
