// The slips handed to visitors, drawn from the same data the app shows.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { SlipData } from '@shared/api/schemas/printing';
import { PRIORITY_REASONS } from '@shared/domain/queue';
import { labelOf } from '@shared/domain/categories';
import { formatDateTime } from '@shared/time';
import { categoryLabel, idTypeName, purposeLabel } from '@lib/labels';

type TicketSlipData = Extract<SlipData, { template: 'ticket' }>;
type ReceiptSlipData = Extract<SlipData, { template: 'receipt' }>;

export function TicketSlip({ d, onReady }: { d: TicketSlipData; onReady: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(`petition-hall:ticket:${d.ticket.id}`, { margin: 0, width: 240, errorCorrectionLevel: 'M' }).then(setQr);
  }, [d.ticket.id]);
  return (
    <div className={`slip slip-ticket${d.paper === '58mm' ? ' w58' : ''}`}>
      <div className="bureau">{d.bureau.name}</div>
      <div>排队凭条{d.reprint && <span className="reprint"> 补打 </span>}</div>
      <div className="no">{d.ticket.ticketNo}</div>
      <div className="lane">{d.ticket.laneName}</div>
      {d.ticket.priority && <div className="lane">优先：{labelOf(PRIORITY_REASONS, d.ticket.priority)}</div>}
      <div className="ahead">您前面还有 {d.ticket.peopleAhead} 人</div>
      <div className="meta">取号时间：{formatDateTime(d.ticket.issuedAt)}</div>
      {qr && <img className="qr" src={qr} alt="号码二维码" onLoad={onReady} />}
      <div className="hint">
        请在等候区就座，留意叫号屏和语音提示。过号请到取号处重新排队。{d.bureau.phone && `咨询电话：${d.bureau.phone}`}
      </div>
    </div>
  );
}

export function ReceiptSlip({ d, onReady }: { d: ReceiptSlipData; onReady: () => void }) {
  const v = d.visit;
  useEffect(onReady, [onReady]);
  return (
    <div className={`slip slip-receipt${d.paper === 'A4' ? '' : ' w80'}`}>
      <h1>来访登记回执</h1>
      <div className="no">
        登记编号：<b>{v.visitNo}</b>
        {d.reprint && <span className="reprint"> 补打 </span>}
      </div>
      <table>
        <tbody>
          <tr>
            <th>来访人</th>
            <td>
              {v.name}（{idTypeName(v.idType)} {v.idNumberMasked || '无'}）
            </td>
          </tr>
          <tr>
            <th>来访时间</th>
            <td>{formatDateTime(v.registeredAt)}</td>
          </tr>
          <tr>
            <th>来访人数</th>
            <td>
              {v.peopleCount} 人{v.isGroup ? `（集体访，代表：${v.representativeNames.join('、')}）` : ''}
            </td>
          </tr>
          <tr>
            <th>信访目的</th>
            <td>{purposeLabel(v.purpose)}</td>
          </tr>
          <tr>
            <th>内容分类</th>
            <td>{categoryLabel(v.category)}</td>
          </tr>
          <tr>
            <th>问题属地</th>
            <td>{v.locationArea}</td>
          </tr>
          <tr>
            <th>诉求摘要</th>
            <td className="long">{v.summary}</td>
          </tr>
          {v.demands && (
            <tr className="long-row">
              <th>主要诉求</th>
              <td className="long">{v.demands}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="notice">
        您反映的事项已登记。本机关将依照《信访工作条例》的规定办理，并在规定期限内书面告知您接收情况以及处理途径和程序。请妥善保管本回执，查询或再次来访时请出示登记编号。
      </p>
      <div className="foot">
        <div>
          <div>经办人：{v.registeredByName}</div>
          <div>打印时间：{formatDateTime(d.printedAt)}</div>
          <div>
            {d.bureau.name}
            {d.bureau.address && ` · ${d.bureau.address}`}
          </div>
          {d.bureau.phone && <div>联系电话：{d.bureau.phone}</div>}
        </div>
        <div className="seal">（{d.bureau.sealText}盖章）</div>
      </div>
    </div>
  );
}
