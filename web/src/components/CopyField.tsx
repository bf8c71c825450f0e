import { useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

/** A secret or link shown read-only, with a button that copies it (or selects it where the clipboard is off). */
export function CopyField({ label, value, copyLabel, testId }: { label: string; value: string; copyLabel: string; testId?: string }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Insecure origins and some browsers refuse the clipboard: leave the text selected for Ctrl+C.
      inputRef.current?.select();
      setState('manual');
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          ref={inputRef}
          id={inputId}
          data-testid={testId}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="input flex-1 font-mono"
          spellCheck={false}
        />
        <button type="button" className="btn-secondary shrink-0" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      <p role="status" className="min-h-5 text-xs text-slate-600">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'manual' ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy.' : ''}
      </p>
    </div>
  );
}
