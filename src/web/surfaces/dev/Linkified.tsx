import { Link } from '@digdir/designsystemet-react';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g;

/** Plain text with every http(s) URL turned into a link. */
export function Linkified({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string
      <Link key={i} href={part}>
        {part}
      </Link>
    ) : (
      part
    ),
  );
}
