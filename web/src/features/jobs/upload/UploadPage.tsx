import { Link, useNavigate } from 'react-router';
import { canUpload } from '../../../lib/api/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSignedInUser } from '../../auth/signed-in-user';
import { DropZone } from './DropZone';
import { UploadQueue } from './UploadQueue';
import { useUploads } from './use-uploads';

/** Viewers may not upload (the server answers 403): say so instead of offering a drop zone that fails. */
function ViewersCannotUpload() {
  return (
    <section data-testid="upload-not-allowed" className="card flex flex-col gap-2">
      <h1 className="text-xl font-bold tracking-tight text-slate-900">Uploads are not available to viewers</h1>
      <p className="text-slate-700">
        Viewers can only see jobs that others have shared with them. Ask an administrator for the Analyst role to
        analyze your own files.
      </p>
      <p>
        <Link to="/jobs" className="link">
          See the jobs shared with you
        </Link>
      </p>
    </section>
  );
}

export function UploadPage() {
  useDocumentTitle('Upload');
  const user = useSignedInUser();
  return canUpload(user) ? <Uploads /> : <ViewersCannotUpload />;
}

function Uploads() {
  const navigate = useNavigate();
  const { items, upload, cancel, clearFinished } = useUploads({
    onSingleAccepted: (jobId) => navigate(`/jobs/${jobId}`),
  });

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Analyze a CSV file</h1>
        <p className="mt-1 text-slate-600">
          Upload a file and read what is in it: types, quality, distributions, relationships, trends, segments and key
          findings. Every stage streams live while the server works.
        </p>
      </header>
      <DropZone onFiles={upload} />
      <UploadQueue items={items} onCancel={cancel} onClear={clearFinished} />
    </div>
  );
}
