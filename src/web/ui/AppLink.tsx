import { Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';

/** A Designsystemet link that navigates inside the app (no page reload). */
export function AppLink({ children, ...props }: RouterLinkProps & { children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink {...props}>{children}</RouterLink>
    </Link>
  );
}
