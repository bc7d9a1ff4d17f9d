import * as echarts from 'echarts/core';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Draws `option` with echarts' core in the element (the caller registers the charts and components it
 * uses with `echarts.use`, so only those are bundled) and follows the window's size. One chart per
 * element, kept while the page lives: a new option redraws it (pages refresh their figures every few
 * seconds, which must not rebuild the chart), and it is disposed of when the page goes.
 */
export function useEchart(ref: RefObject<HTMLDivElement | null>, option: Record<string, unknown> | null): void {
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!option || !el) return;
    if (chart.current?.getDom() !== el) {
      chart.current?.dispose();
      chart.current = echarts.init(el);
    }
    chart.current.setOption(option, true);
  }, [ref, option]);
  useEffect(() => {
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
}
