import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export type FrameNavItem = { to: string; label: string; end?: boolean };

/**
 * The frame of a signed-in surface (company portal, back office): a bar saying who is signed in
 * with a log-out button, then the surface's navigation and its page; or, signed in with another
 * role, a warning instead. The class names (`{prefix}-topbar`, `{prefix}-nav`) are the surface's.
 */
export function SignedInFrame(props: {
  rootClassName: string;
  prefix: string;
  status: ReactNode;
  logOutLabel: string;
  onLogOut: () => void;
  /** Shown instead of the navigation and page when the signed-in user has the wrong role. */
  wrongRole: string | null;
  navLabel: string;
  nav: FrameNavItem[];
  children: ReactNode;
}) {
  return (
    <div className={props.rootClassName}>
      <div className={`${props.prefix}-topbar`}>
        <Paragraph data-size="sm">{props.status}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={props.onLogOut}>
          {props.logOutLabel}
        </Button>
      </div>
      {props.wrongRole !== null ? (
        <Alert data-color="warning">
          <Paragraph>{props.wrongRole}</Paragraph>
        </Alert>
      ) : (
        <>
          <nav aria-label={props.navLabel} className={`${props.prefix}-nav`}>
            <ul>
              {props.nav.map((item) => (
                <li key={item.to}>
                  <Link asChild>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {props.children}
        </>
      )}
    </div>
  );
}
