import { useEffect, useRef } from 'react';
import type { EChartsType } from 'echarts/core';
import { statsChartOption } from '../../../../shared/charts/statsChartOption';

/**
 * ECharts (about two fifths of the desk's script) is fetched with the first chart, in its own chunk:
 * the desk's first screen does not wait for it.
 */
const loadEcharts = () => import('./echartsBars').then((m) => m.echarts);

/** A bar chart rendered into a div: one or more series over the same categories. */
export function StatsChart(props: {
  title: string;
  categories: string[];
  series: { name: string; data: number[] }[];
  max?: number;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { title, categories, series, max } = props;
  useEffect(() => {
    let chart: EChartsType | undefined;
    let gone = false;
    const resize = () => chart?.resize();
    void loadEcharts().then((echarts) => {
      if (gone || !ref.current) return;
      chart = echarts.init(ref.current);
      chart.setOption(statsChartOption({ title, categories, series, max }));
      window.addEventListener('resize', resize);
    });
    return () => {
      gone = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [title, categories, series, max]);
  return <div ref={ref} style={{ height: 260, width: '100%' }} data-testid={props.testId} />;
}
