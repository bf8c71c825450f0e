import { reportToHtml } from '../export-html';
import type { ReportModel } from '../report-model';

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'report';
}

function save(content: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The report as the server sent it (JSON) or as one self-contained HTML page, generated here. */
export function ReportDownloads({ raw, model, jobId, fileName }: { raw: unknown; model: ReportModel; jobId: string; fileName: string }) {
  const base = `${baseName(fileName)}-report`;
  return (
    <div className="flex flex-wrap gap-2" data-testid="report-downloads">
      <button type="button" className="btn-secondary" onClick={() => save(`${JSON.stringify(raw, null, 2)}\n`, 'application/json', `${base}.json`)}>
        Download JSON
      </button>
      <button
        type="button"
        className="btn-secondary"
        onClick={() => save(reportToHtml(model, { fileName, jobId, generatedAt: new Date() }), 'text/html', `${base}.html`)}
      >
        Download HTML
      </button>
    </div>
  );
}
