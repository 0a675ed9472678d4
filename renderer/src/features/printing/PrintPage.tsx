// A slip's print route (#/print/job/<token>). Loaded by Electron's hidden print
// window or by a same-origin iframe in a browser. No login: the one-time token
// gives this page one slip's data. When everything is drawn it sets the title
// to 'print-ready' — the signal the desktop printer waits for — and, inside an
// iframe, opens the browser's print dialog.
import { useCallback, useEffect, useState } from 'react';
import type { SlipData } from '@shared/api/schemas/printing';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { ReceiptSlip, TicketSlip } from './slips';
import { A4PaperSlip } from './notices';
import { StatsReportSlip } from './StatsReportSlip';
import './print.css';

const ROLL_WIDTH_MM: Record<'80mm' | '58mm', number> = { '80mm': 80, '58mm': 58 };
const PX_PER_MM = 96 / 25.4;

export function PrintPage({ token, preview = false }: { token: string; preview?: boolean }) {
  const [data, setData] = useState<SlipData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('print.slip', { token }).then(setData, (e: unknown) => {
      setError(messageOf(e));
      document.title = `print-error:${messageOf(e)}`;
      if (window.self !== window.top)
        window.parent.postMessage({ type: 'petition-hall:print-error', token, message: messageOf(e) }, window.location.origin);
    });
  }, [token]);
  // A thermal roll has a width and as much length as the slip: measure the
  // drawn slip, size the page to it, and only then signal ready.
  const [rollMm, setRollMm] = useState<number | null>(null);
  const drawn = useCallback(() => {
    const slip = document.querySelector('.slip');
    setRollMm(slip ? Math.ceil(slip.getBoundingClientRect().height / PX_PER_MM) + 4 : 200);
  }, []);
  useEffect(() => {
    if (rollMm === null || document.title === 'print-ready') return;
    document.title = 'print-ready';
    // A preview is shown in a frame on the staff screen: it never prints itself.
    if (window.self !== window.top && !preview) {
      window.addEventListener(
        'afterprint',
        () => window.parent.postMessage({ type: 'petition-hall:printed', token }, window.location.origin),
        { once: true },
      );
      window.print();
    }
  }, [rollMm, token, preview]);
  if (error) return <p style={{ padding: 24, fontSize: 18 }}>{error}</p>;
  if (!data) return null;
  return (
    <>
      <style>{`@page { size: ${data.paper === 'A4' ? 'A4' : `${ROLL_WIDTH_MM[data.paper]}mm ${rollMm ?? 200}mm`}; margin: ${data.paper === 'A4' ? '15mm 20mm' : '0'}; } html, body, #root { height: auto; }`}</style>
      {data.template === 'ticket' ? (
        <TicketSlip d={data} onReady={drawn} />
      ) : data.template === 'receipt' ? (
        <ReceiptSlip d={data} onReady={drawn} />
      ) : data.template === 'stats_report' ? (
        <StatsReportSlip d={data} onReady={drawn} />
      ) : (
        <A4PaperSlip d={data} onReady={drawn} />
      )}
      {/* A preview printed with Ctrl+P is not an issued paper: it says so across the page. */}
      {preview && <div className="preview-mark">样张 · 仅供预览</div>}
    </>
  );
}
