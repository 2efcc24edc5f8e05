import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the charts use: a bar chart on a canvas.
echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

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
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      title: { text: title, left: 0, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { bottom: 0 } : undefined,
      grid: { left: 40, right: 16, top: 48, bottom: series.length > 1 ? 40 : 28 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', max },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'top' } })),
      animation: false,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, categories, series, max]);
  return <div ref={ref} style={{ height: 260, width: '100%' }} data-testid={props.testId} />;
}
