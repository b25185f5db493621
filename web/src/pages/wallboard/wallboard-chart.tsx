/** The wall board's chart: today's calls (answered, abandoned) and orders by hour, and the service level. */
import { useCallback } from 'react';
import type { Wallboard } from '../../../../common/schemas/wallboard.ts';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const TEXT = '#c9d8ee';
const LINE = '#1f3a5c';

/** Font size for the chart from the width of the screen: a wall screen gets large letters. */
function fontSize(): number {
  return Math.round(Math.min(24, Math.max(13, window.innerWidth / 110)));
}

function optionOf(hours: Wallboard['hours'], t: ReturnType<typeof useI18n>['t']): ChartOption {
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

/**
 * Today's hours as bars and lines; follows its container's size, and the option is made again
 * on a resize so that the letters follow the screen (a window moved to the wall screen gets the
 * larger ones).
 */
export function HourChart({ hours }: { hours: Wallboard['hours'] }) {
  const { t } = useI18n();
  const option = useCallback(() => optionOf(hours, t), [hours, t]);
  return <EChart option={option} className="wb-chart-body" testId="wb-chart" />;
}
