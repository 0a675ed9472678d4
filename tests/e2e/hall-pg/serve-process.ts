// A serve process for the hall-pg specs (no webServer in playwright.pg.config.ts:
// the processes need the throwaway cluster's URL, known only once it is up).
import { spawn, type ChildProcess } from 'node:child_process';

export const PORT_A = Number(process.env.E2E_PORT ?? 8733);
export const PORT_B = PORT_A + 1;

/** Starts `node out/main/serve.js` with `env` added and resolves once it says it is listening. */
export function serve(port: number, data: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/serve.js', '--port', String(port), '--data', data], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('信访接待大厅已启动')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve on ${port} exited with ${code}:\n${output}`)));
  });
}

/** Stops the processes and waits for them to exit. */
export async function stopAll(children: ChildProcess[]): Promise<void> {
  const exits = children.filter((c) => c.exitCode === null).map((c) => new Promise((r) => c.once('exit', r)));
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(exits);
}
