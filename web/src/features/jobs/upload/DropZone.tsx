import { useId, useRef, useState, type DragEvent } from 'react';

export const ACCEPTED_TYPES = '.csv,.tsv,.txt,text/csv';

export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element; count them so the highlight does not flicker.
  const depth = useRef(0);

  const onDragEnter = (event: DragEvent) => {
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    event.preventDefault();
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      data-testid="drop-zone"
      data-dragging={dragging}
      onDragEnter={onDragEnter}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      className={`flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-6 py-12 text-center transition-colors ${
        dragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-10 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0l-4 4m4-4l4 4M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2" />
      </svg>
      <p className="text-base font-medium text-slate-800">Drag and drop CSV files here</p>
      <input
        id={inputId}
        type="file"
        data-testid="file-input"
        multiple
        accept={ACCEPTED_TYPES}
        aria-describedby={hintId}
        className="peer sr-only"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Let the same file be chosen again after a failure.
          event.target.value = '';
        }}
      />
      <label
        htmlFor={inputId}
        className="btn-primary cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600"
      >
        Choose files
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        CSV, TSV or plain-text files. Each file becomes its own analysis job.
      </p>
    </div>
  );
}
