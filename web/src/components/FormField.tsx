import { useId, type ReactNode } from 'react';

/** The props that tie a control to its label and hint; spread them on the input or select. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
}

/**
 * A label, its control and an optional hint below it, tied together by generated ids (the label's `for`, the
 * control's `aria-describedby`), so every form labels its fields the same way for screen readers.
 */
export function FormField({
  label,
  hint,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
