/** The wall board's chart: today's calls (answered, abandoned) and orders by hour, and the service level. */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Wallboard } from '../../../../common/schemas/wallboard.ts';
import { useI18n } from '../../i18n/i18n.tsx';

// Only the parts drawn here (the dashboard's chart registers its own; registering twice is fine).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

type Option = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

const TEXT = '#c9d8ee';
const LINE = '#1f3a5c';

/** Font size for the chart from the width of the screen: a wall screen gets large letters. */
function fontSize(): number {
  return Math.round(Math.min(24, Math.max(13, window.innerWidth / 110)));
}

function optionOf(hours: Wallboard['hours'], t: ReturnType<typeof useI18n>['t']): Option {
  const size = fontSize();
  const axisText = { color: TEXT, fontSize: size };
  const hasOrders = hours.some((h) => h.orders !== null);
  return {
    animation: false,
    textStyle: { fontSize: size },
    legend: { top: 0, textStyle: axisText, itemWidth: size * 1.4, itemHeight: size * 0.8 },
    tooltip: { trigger: 'axis', textStyle: { fontSize: size } },
    grid: { left: 8, right: 8, top: size * 2.6, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: hours.map((h) => t('wallboard.chart.hour', { h: h.hour })),
      axisLabel: { ...axisText, interval: 1 },
      axisLine: { lineStyle: { color: LINE } },
    },
    yAxis: [
      {
        type: 'value',
        minInterval: 1,
        axisLabel: axisText,
        splitLine: { lineStyle: { color: LINE } },
      },
      {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { ...axisText, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: t('wallboard.chart.answered'),
        stack: 'calls',
        data: hours.map((h) => h.answered),
        itemStyle: { color: '#2ec5d3' },
        barMaxWidth: 36,
      },
      {
        type: 'bar',
        name: t('wallboard.chart.abandoned'),
        stack: 'calls',
        data: hours.map((h) => h.abandoned),
        itemStyle: { color: '#ff5c5c' },
        barMaxWidth: 36,
      },
      ...(hasOrders
        ? [
            {
              type: 'line' as const,
              name: t('wallboard.chart.orders'),
              data: hours.map((h) => h.orders ?? 0),
              itemStyle: { color: '#ffb020' },
              lineStyle: { width: 3 },
              symbolSize: 6,
            },
          ]
        : []),
      {
        type: 'line',
        name: t('wallboard.chart.serviceLevel'),
        yAxisIndex: 1,
        data: hours.map((h) =>
          h.serviceLevel === null ? null : Math.round(h.serviceLevel * 1000) / 10,
        ),
        connectNulls: false,
        itemStyle: { color: '#3ddc97' },
        lineStyle: { width: 3, type: 'dashed' },
        symbolSize: 6,
      },
    ],
  };
}

/** Today's hours as bars and lines; follows its container's size. */
export function HourChart({ hours }: { hours: Wallboard['hours'] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const option = useMemo(() => optionOf(hours, t), [hours, t]);
  const latest = useRef({ hours, t });
  latest.current = { hours, t };
  // Set up once; on a resize the option is made again from the latest figures, so that the
  // letters follow the screen (a window moved to the wall screen gets the larger ones).
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el);
    chart.current = instance;
    const draw = () => instance.setOption(optionOf(latest.current.hours, latest.current.t), true);
    draw();
    const observer = new ResizeObserver(() => {
      instance.resize();
      draw();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} className="wb-chart-body" data-testid="wb-chart" />;
}
