import { Menu } from 'electron';

export function buildMenu(openDisplay: () => void, openPad: () => void, showAbout: () => void, openConnection: () => void): Menu {
  return Menu.buildFromTemplate([
    {
      label: '文件',
      submenu: [
        { label: '数据位置（本机或大厅数据库）…', click: () => openConnection() },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新载入', role: 'reload' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        { type: 'separator' },
        { label: '打开大厅显示屏（叫号屏）', accelerator: 'CmdOrCtrl+Shift+D', click: () => openDisplay() },
        { label: '打开评价器窗口', accelerator: 'CmdOrCtrl+Shift+E', click: () => openPad() },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于信访接待大厅',
          click: () => showAbout(),
        },
      ],
    },
  ]);
}
