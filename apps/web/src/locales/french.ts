/** The French files, by namespace, in a chunk of their own: fetched when a reader first needs French (i18n.ts). */
const files = import.meta.glob<Record<string, unknown>>('./fr/*.json', { eager: true, import: 'default' });

const french: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [/(\w+)\.json$/.exec(path)![1]!, strings]),
);
export default french;
