import { useState } from 'react';
import { ShareDialog } from './ShareDialog';

export function ShareButton({ jobId, fileName }: { jobId: string; fileName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      {open && <ShareDialog jobId={jobId} fileName={fileName} onClose={() => setOpen(false)} />}
    </>
  );
}
