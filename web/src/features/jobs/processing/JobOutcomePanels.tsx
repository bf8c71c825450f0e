import { Link } from 'react-router';
import { failureAdvice } from './failure-advice';

export function JobErrorPanel({ message, code }: { message: string | null; code: string | null }) {
  return (
    <section role="alert" data-testid="job-error" data-code={code ?? undefined} className="rounded-xl border border-rose-200 bg-rose-50 p-5 text-rose-900">
      <h2 className="text-lg font-semibold">Analysis failed</h2>
      <p className="mt-1 break-words">{message ?? 'The server reported a failure without a message.'}</p>
      <p data-testid="job-error-advice" className="mt-2 text-sm">
        <span className="font-semibold">What to do next: </span>
        {failureAdvice(code)}
        {code && <span className="ml-1 font-mono text-xs text-rose-800">({code})</span>}
      </p>
      <Link to="/" className="btn-primary mt-4">
        Upload another file
      </Link>
    </section>
  );
}

export function JobCancelledPanel({ message }: { message: string | null }) {
  return (
    <section role="status" data-testid="job-cancelled" className="rounded-xl border border-amber-200 bg-amber-50 p-5 text-amber-950">
      <h2 className="text-lg font-semibold">This job was cancelled</h2>
      {message && <p className="mt-1 break-words">{message}</p>}
      <p className="mt-2 text-sm">Nothing more will be computed for it. Upload the file again to start over.</p>
      <Link to="/" className="btn-primary mt-4">
        Upload another file
      </Link>
    </section>
  );
}
