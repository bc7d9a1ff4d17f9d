import * as echarts from 'echarts/core';
import { useEffect, type RefObject } from 'react';

/**
 * Draws `option` with echarts' core in the element (the caller registers the charts and components it
 * uses with `echarts.use`, so only those are bundled), follows the window's size, and disposes of the
 * chart when the option changes or the element goes.
 */
export function useEchart(ref: RefObject<HTMLDivElement | null>, option: Record<string, unknown> | null): void {
  useEffect(() => {
    if (!option || !ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [ref, option]);
}
