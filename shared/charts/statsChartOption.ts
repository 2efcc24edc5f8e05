/** What a stats bar chart shows: one or more series over the same categories. */
export interface StatsChartData {
  title: string;
  categories: string[];
  series: { name: string; data: number[] }[];
  max?: number;
}

/**
 * The ECharts option of a stats bar chart. The value axis counts tickets (or whole percent):
 * `minInterval: 1` keeps ECharts from ticking 0.5 when the largest bar is 1 or 2.
 */
export function statsChartOption({ title, categories, series, max }: StatsChartData) {
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 40, right: 16, top: 48, bottom: series.length > 1 ? 40 : 28 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', max, minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'top' } })),
    animation: false,
  };
}
