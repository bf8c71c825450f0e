import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DropZone } from './DropZone';
import { UploadQueue } from './UploadQueue';
import { useUploads } from './use-uploads';

export function UploadPage() {
  useDocumentTitle('Upload');
  const navigate = useNavigate();
  const { items, upload, cancel, clearFinished } = useUploads({
    onSingleAccepted: (jobId) => navigate(`/jobs/${jobId}`),
  });

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Analyze a CSV file</h1>
        <p className="mt-1 text-slate-600">
          Upload a file to profile its columns. Progress streams live while the server works.
        </p>
      </header>
      <DropZone onFiles={upload} />
      <UploadQueue items={items} onCancel={cancel} onClear={clearFinished} />
    </div>
  );
}
