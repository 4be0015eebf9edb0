import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Colours of the charts; each series is also named in the legend and the table beside it, never by colour alone. */
const COLOURS = { onTime: '#1b7f3b', late: '#946200', overdue: '#b3261e' };

export interface MilestoneBar {
  readonly name: string;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
}

/** Milestones on time, late and overdue per row, stacked: the charting library comes with this module only. */
export default function MilestoneBars({ data }: { data: readonly MilestoneBar[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={[...data]} margin={{ left: 0, right: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="onTime" name={t('onTime')} stackId="m" fill={COLOURS.onTime} isAnimationActive={false} />
        <Bar dataKey="late" name={t('late')} stackId="m" fill={COLOURS.late} isAnimationActive={false} />
        <Bar dataKey="overdue" name={t('overdue')} stackId="m" fill={COLOURS.overdue} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
