import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { LookupResult } from '@shared/api/schemas/visits';
import { checkIdNumber, type IdType } from '@shared/domain/identity';
import { checkPhone } from '@shared/domain/phone';
import { call } from '../../api/client';

export interface LookupKey {
  idType: IdType;
  idNumber: string;
  phone: string;
  petitionerId: string | null;
}

/**
 * Looks the visitor up as soon as a valid ID number or phone (or a person picked
 * in search) is on the form. Invalid or partial input asks nothing of the backend.
 */
export function useLookup(key: LookupKey): { result: LookupResult | null; loading: boolean } {
  const id = key.idType !== 'none' ? checkIdNumber(key.idType, key.idNumber) : null;
  const phone = key.phone ? checkPhone(key.phone) : null;
  const query = key.petitionerId
    ? { petitionerId: key.petitionerId }
    : id?.ok
      ? { idType: key.idType, idNumber: id.normalized, ...(phone?.ok ? { phone: phone.normalized } : {}) }
      : phone?.ok
        ? { phone: phone.normalized }
        : null;
  const [debounced] = useDebouncedValue(query ? JSON.stringify(query) : '', 150);
  const [state, setState] = useState<{ result: LookupResult | null; loading: boolean }>({ result: null, loading: false });

  useEffect(() => {
    if (!debounced) return setState({ result: null, loading: false });
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call('petitioners.lookup', JSON.parse(debounced) as Parameters<typeof call<'petitioners.lookup'>>[1])
      .then((result) => live && setState({ result, loading: false }))
      .catch(() => live && setState({ result: null, loading: false }));
    return () => {
      live = false;
    };
  }, [debounced]);
  // An emptied form (after saving, or 清空) shows no one at once, not the last person for the debounce's length.
  return query ? state : { result: null, loading: false };
}
