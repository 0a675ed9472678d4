// A failure the administrator reads on the export screen: the message is
// Simplified Chinese and says what to check. Anything else thrown during an
// export is wrapped into one of these with the original text appended.

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** File-system errors in words an administrator can act on. */
export function fsProblem(e: unknown, where: string): ExportError {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ExportError(`${where}不存在或无法访问（U盘或共享盘是否已连接？）`);
    case 'EACCES':
    case 'EPERM':
      return new ExportError(`没有写入${where}的权限`);
    case 'EROFS':
      return new ExportError(`${where}是只读的，无法写入`);
    case 'ENOSPC':
      return new ExportError(`${where}空间不足`);
    default:
      return new ExportError(`写入${where}失败：${e instanceof Error ? e.message : String(e)}`);
  }
}

export function describe(e: unknown): string {
  if (e instanceof ExportError) return e.message;
  return `导出失败：${e instanceof Error ? e.message : String(e)}`;
}
