// The 评价器's first screen: the six digits the administrator shows under 评价器管理.
import { useState, type FormEvent } from 'react';
import type { PadPlace } from '@shared/api/schemas/pads';
import { ApiError } from '@shared/api/errors';
import { call } from '../../api/client';

export function PadPairing({ onPaired }: { onPaired: (token: string, place: PadPlace) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) return setError('配对码为6位数字');
    setBusy(true);
    call('pad.pair', { code })
      .then((r) => onPaired(r.token, r.place))
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : '无法连接到服务，请检查网络'))
      .finally(() => setBusy(false));
  };
  return (
    <form className="pad-pairing" onSubmit={submit}>
      <h1>评价器配对</h1>
      <p>请输入管理员在“评价器管理”中显示的6位配对码</p>
      <input
        aria-label="配对码"
        autoFocus
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={code}
        onChange={(e) => {
          setCode(e.target.value.replace(/\D/g, ''));
          setError('');
        }}
      />
      {error && (
        <div role="alert" className="pad-error">
          {error}
        </div>
      )}
      <button type="submit" className="pad-primary" disabled={busy}>
        配对
      </button>
    </form>
  );
}
