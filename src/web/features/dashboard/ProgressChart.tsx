import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton } from 'antd';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsModule from 'echarts-for-react/esm/core.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { planKeys, plansApi, type TTargetProgress } from '../plans/api.js';
import { figure } from './format.js';

// Only the chart and the components drawn: the core build keeps the dashboard's chunk small.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// The package ships ES modules without "type": "module": TypeScript sees a CommonJS default, Vite the class.
const ReactEChartsCore = (
  'default' in EChartsModule ? EChartsModule.default : EChartsModule
) as typeof EChartsModule.default;

// A browser driven by a test takes its screenshot at once: no animation to catch half-drawn.
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

type Props = { planId: number; target: TTargetProgress; asOf: string; phone: boolean };

/** Cumulative actual per day against the straight path from 0 at the start to the goal at the deadline. */
export function ProgressChart({ planId, target, asOf, phone }: Props) {
  const { t } = useI18n();
  const series = useQuery({
    queryKey: planKeys.series(planId, target.targetId, undefined, asOf),
    queryFn: () => plansApi.series(planId, target.targetId, { asOf }),
  });
  if (series.isPending) return <Skeleton active />;
  if (!series.data || series.data.points.length === 0) return <Empty description={t('dash.chart.empty')} />;
  const s = series.data;
  const unit = target.metricUnit;
  const option = {
    animation: animate,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { fontSize: phone ? 11 : 12 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? figure(v, unit) : String(v)),
    },
    xAxis: {
      type: 'time',
      min: s.from,
      max: s.to,
      axisLabel: { formatter: (v: number) => viDate(new Date(v).toISOString().slice(0, 10)).slice(0, 5) },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => figure(v, unit) } },
    series: [
      {
        name: t('dash.chart.actual'),
        type: 'line',
        step: 'end',
        showSymbol: false,
        lineStyle: { width: 3, color: '#0958d9' },
        itemStyle: { color: '#0958d9' },
        areaStyle: { color: 'rgba(9,88,217,0.08)' },
        data: s.points.map((p) => [p.day, p.value]),
      },
      {
        name: t('dash.chart.path'),
        type: 'line',
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#595959' },
        itemStyle: { color: '#595959' },
        data: [
          [s.from, 0],
          [s.to, s.goal],
        ],
      },
    ],
  };
  return (
    <div role="img" aria-label={t('dash.chart', { code: target.code })} data-testid={`chart-${target.code}`}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: phone ? 220 : 280 }} notMerge />
    </div>
  );
}
