// The three ways to read a card, chosen in the reader settings: the vendor's local service on
// 127.0.0.1 (HTTP or WebSocket), the simulator's file, or none. Each read returns an outcome and
// never throws: registration never waits on, or fails because of, the reader.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ReaderSettings } from '@shared/api/schemas/reader';
import { SIMULATOR_MAPPING } from '@shared/domain/card-reader';
import { mapVendorResponse, type ReadOutcome } from './mapping';
import { wsRequest } from './ws-client';

export interface CardDriver {
  read(): Promise<ReadOutcome>;
}

const fault = (f: Extract<ReadOutcome, { kind: 'fault' }>['fault'], message: string): ReadOutcome => ({ kind: 'fault', fault: f, message });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function networkFault(s: ReaderSettings, e: unknown): ReadOutcome {
  // fetch's timeout is a DOMException named TimeoutError (whose numeric `code` is 23); socket errors carry a string code.
  const err = e as { code?: unknown; name?: string };
  const code = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'ETIMEDOUT' : typeof err.code === 'string' ? err.code : err.name;
  const where = `127.0.0.1:${s.port}`;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
    return fault('timeout', `读卡服务 ${where} 超过${s.timeoutMs / 1000}秒未应答，请检查读卡器或重启读卡服务`);
  }
  if (code === 'EPROTO') return fault('bad_response', `${where} 上的服务不是所设置的读卡服务（通信方式或路径不符），请核对读卡器设置`);
  return fault('down', `读卡服务未启动（${where} 无法连接），请启动读卡器厂商的本地服务`);
}

/** The vendor's local service: GET http://127.0.0.1:port/path, or one message over ws://127.0.0.1:port/path. */
export function localServiceDriver(s: ReaderSettings): CardDriver {
  return {
    async read() {
      let text: string;
      try {
        if (s.transport === 'ws') {
          text = await wsRequest(s.port, s.path, s.mapping.request, s.timeoutMs);
        } else {
          const res = await fetch(`http://127.0.0.1:${s.port}${s.path}`, { signal: AbortSignal.timeout(s.timeoutMs) });
          text = await res.text();
          if (!res.ok && parseJson(text) === undefined) {
            return fault('down', `读卡服务出错（HTTP ${res.status}），请重启读卡器厂商的本地服务`);
          }
        }
      } catch (e) {
        const cause = (e as { cause?: unknown }).cause;
        return networkFault(s, e instanceof TypeError && cause && typeof cause === 'object' ? cause : e);
      }
      const json = parseJson(text);
      if (json === undefined) return fault('bad_response', '读卡服务返回的内容无法识别（不是 JSON），请核对读卡器设置');
      return mapVendorResponse(s.mapping, json);
    },
  };
}

/**
 * The simulator's file (UTF-8 JSON), read on every poll so that a trainer or a test places and
 * lifts cards by editing it: { "placed": 0 | null, "fault": null | "absent" | "down" | "unreadable" | "timeout",
 * "cards": [{ "name", "sex", "nation", "birthDate", "address", "idNumber", "authority", "validFrom", "validTo", "photo" }] }.
 */
export function simulatorDriver(s: ReaderSettings, dataDir: string): CardDriver {
  const file = isAbsolute(s.simulatorFile) ? s.simulatorFile : join(dataDir, s.simulatorFile);
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return fault('absent', `未连接读卡器（模拟读卡器文件 ${file} 不存在）`);
      }
      const json = parseJson(text.replace(/^\uFEFF/, ''));
      if (json === null || typeof json !== 'object') return fault('bad_response', `模拟读卡器文件 ${file} 不是有效的 JSON`);
      const sim = json as { placed?: unknown; fault?: unknown; cards?: unknown };
      switch (sim.fault) {
        case 'absent':
          return fault('absent', '未连接读卡器（模拟）');
        case 'down':
          return fault('down', '读卡服务未启动（模拟）');
        case 'unreadable':
          return fault('unreadable', '读卡失败：卡片无法读取，请将证件重新放好（模拟）');
        case 'timeout':
          return fault('timeout', '读卡服务超时未应答（模拟）');
      }
      if (sim.placed === null || sim.placed === undefined) return { kind: 'noCard' };
      const card = Array.isArray(sim.cards) && typeof sim.placed === 'number' ? (sim.cards[sim.placed] as unknown) : undefined;
      if (card === undefined) return fault('bad_response', `模拟读卡器文件中没有第 ${String(sim.placed)} 张卡`);
      return mapVendorResponse(SIMULATOR_MAPPING, card);
    },
  };
}

export function driverFor(s: ReaderSettings, dataDir: string): CardDriver | null {
  if (s.driver === 'local') return localServiceDriver(s);
  if (s.driver === 'simulator') return simulatorDriver(s, dataDir);
  return null;
}
