import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { usePageTitle } from './usePageTitle';

/** A surface's page until its engineer builds the real one. */
export function PlaceholderPage({ title, text }: { title: string; text: string }) {
  usePageTitle(title);
  return (
    <>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{text}</Paragraph>
    </>
  );
}
