import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n/I18nProvider.js';
import { formatNumber } from '../app/i18n/i18n.js';

/** A page of a server list; `totalCapped`: the server counted only up to `total` (there are more). */
type Page = { total: number; totalCapped?: boolean; items: readonly unknown[] };

/**
 * A list paged by the server: the page number (back to 1 whenever the filters change), the query
 * (the previous page stays on screen while the next loads) and the antd Table props that go with
 * it. `key` names the list and its filters; `fetch` gets the limit and offset of the page to show.
 */
export function useServerTable<P extends Page>(opts: {
  key: QueryKey;
  fetch: (page: { limit: number; offset: number }) => Promise<P>;
  pageSize?: number;
  enabled?: boolean;
}) {
  const { t } = useI18n();
  const pageSize = opts.pageSize ?? 20;
  const [page, setPage] = useState(1);
  const filters = JSON.stringify(opts.key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter set starts on page 1
  useEffect(() => setPage(1), [filters]);
  const query = useQuery({
    queryKey: [...opts.key, page, pageSize],
    queryFn: () => opts.fetch({ limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: false,
    onChange: setPage,
    showTotal: (n) =>
      query.data?.totalCapped
        ? t('common.totalMore', { n: formatNumber(n) })
        : t('common.total', { n: formatNumber(n) }),
  };
  return {
    query,
    page,
    setPage,
    table: { dataSource: (query.data?.items ?? []) as P['items'], loading: query.isFetching, pagination },
  };
}
