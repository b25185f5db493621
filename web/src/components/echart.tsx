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
import { useEffect, useRef } from 'react';

// Only the parts we draw with, so the bundle carries no unused chart types.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/**
 * An ECharts chart that follows its container's size. An option given as a function is made
 * again at every resize, for charts whose letters follow the screen (the wall board).
 */
export function EChart({
  option,
  height,
  className,
  testId,
}: {
  option: ChartOption | (() => ChartOption);
  /** A fixed height; without it the container's class sizes the chart. */
  height?: number;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el);
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
      const o = latest.current;
      if (typeof o === 'function') instance.setOption(o(), true);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(typeof option === 'function' ? option() : option, true);
  }, [option]);
  return (
    <div
      ref={ref}
      className={className}
      style={height === undefined ? undefined : { width: '100%', height }}
      data-testid={testId}
    />
  );
}
