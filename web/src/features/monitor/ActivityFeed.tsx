import { Link } from 'react-router';
import type { ActivityEntry } from '../../lib/api/list-activity';
import { formatClock } from '../../lib/format';

const SEVERITY_DOT: Record<string, string> = {
  info: 'bg-slate-400',
  warning: 'bg-amber-500',
  critical: 'bg-rose-600',
};

export function ActivityFeed({ activity, loadError }: { activity: ActivityEntry[]; loadError: string | null }) {
  return (
    <section aria-labelledby="activity-heading" className="card" data-testid="activity-feed">
      <h2 id="activity-heading" className="text-lg font-semibold text-slate-900">
        Activity
      </h2>
      {loadError && <p role="status" className="mt-2 text-sm text-amber-800">Earlier activity could not be loaded ({loadError}); new entries still stream in.</p>}
      {activity.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing has happened yet.</p>
      ) : (
        <ol aria-live="polite" aria-relevant="additions" className="mt-2 max-h-[28rem] divide-y divide-slate-100 overflow-y-auto" tabIndex={0} aria-label="Activity, newest first">
          {activity.map((entry) => (
            <li key={entry.id} data-testid="activity-entry" data-kind={entry.kind} className="flex gap-2 py-2 text-sm">
              <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${SEVERITY_DOT[entry.severity] ?? SEVERITY_DOT.info}`} />
              <div className="min-w-0 flex-1">
                <p className="break-words text-slate-900">
                  {entry.severity !== 'info' && <span className="font-semibold capitalize">{entry.severity}: </span>}
                  {entry.message}
                </p>
                <p className="text-xs text-slate-600">
                  <time dateTime={new Date(entry.timestamp * 1000).toISOString()}>{formatClock(entry.timestamp)}</time> · {entry.kind.replace(/_/g, ' ')}
                  {entry.job_id && entry.kind !== 'job_deleted' && (
                    <>
                      {' · '}
                      <Link to={`/jobs/${entry.job_id}`} className="link">
                        open job
                      </Link>
                    </>
                  )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
