import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useRef } from 'react';
import { useEchart } from '../echart';

// Only what this chart draws: echarts' core with the bar chart, its grid and tooltip, on canvas.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A horizontal bar per label; the picture is described in words for screen readers (`description`). */
export function RoundFunnelChart({ labels, values, description }: { labels: string[]; values: number[]; description: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 32, top: 8, bottom: 8 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#b7280f' }, label: { show: true, position: 'right' } }],
    }),
    [labels, values],
  );
  useEchart(ref, option);
  return <div ref={ref} role="img" aria-label={description} style={{ width: '100%', height: Math.max(160, 36 * labels.length + 40) }} />;
}
