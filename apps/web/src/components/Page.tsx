import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page: its `h1`, the document's title in the reader's language ("Title · National plans of action"), and focus
 * moved to the heading when the page opens, so a screen reader announces where the reader arrived.
 */
export function Page({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  const { t } = useTranslation('common');
  const heading = useRef<HTMLHeadingElement>(null);
  const app = t('app.title');
  useEffect(() => {
    document.title = title && title !== app ? `${title} · ${app}` : app;
  }, [title, app]);
  useEffect(() => {
    // Only on arrival: a page whose title changes as data comes in keeps the reader where they are.
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className={className}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
