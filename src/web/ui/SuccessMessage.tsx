import { Alert } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The success message of an action, as a status alert that takes the focus when it appears
 * (issue 15 item 6: after an action the keyboard lands on its result, never on <body>).
 */
export function SuccessMessage({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert data-color="success" role="status" ref={ref} tabIndex={-1} data-result>
      {children}
    </Alert>
  );
}
