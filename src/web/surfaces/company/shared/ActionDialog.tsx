import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  error?: unknown;
  danger?: boolean;
  /** False keeps the confirm button disabled (e.g. nothing chosen yet). */
  canConfirm?: boolean;
  children: ReactNode;
};

/** A modal Designsystemet dialog with a form: the body, an error and confirm/cancel buttons. */
export function ActionDialog(props: Props) {
  const { t } = useTranslation('company');
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.pending && props.canConfirm !== false) props.onConfirm();
  };
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={titleId}
      closeButton={t('dialog.close')}
      closedby="any"
    >
      <form onSubmit={submit} className="company-stack">
        <Heading level={2} data-size="sm" id={titleId}>
          {props.title}
        </Heading>
        {props.open && props.children}
        <ErrorMessage error={props.error} />
        <div className="company-buttons">
          <Button
            type="submit"
            data-color={props.danger ? 'danger' : 'accent'}
            disabled={props.canConfirm === false}
            loading={props.pending}
          >
            {props.confirmLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onClose}>
            {t('dialog.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
