import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { openShareLink } from '../../lib/api/job-shares';
import { ApiError, errorMessage } from '../../lib/api/problem';
import { jobKeys } from '../../lib/api/query-keys';
import { useDocumentTitle } from '../../lib/use-document-title';

/** /shared/{token}: tells the server the reader came through the link, then shows the job. */
export function OpenShareLinkPage() {
  useDocumentTitle('Shared job');
  const { token } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { mutate, error, isError } = useMutation({
    mutationFn: openShareLink,
    onSuccess: ({ job_id }) => {
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      void navigate(`/jobs/${encodeURIComponent(job_id)}`, { replace: true });
    },
  });
  // Once per token, though React may run effects twice in development.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!token || opened.current === token) return;
    opened.current = token;
    mutate(token);
  }, [token, mutate]);

  if (isError) {
    const gone = error instanceof ApiError && error.status === 404;
    return (
      <ErrorState
        testId="share-link-error"
        title={gone ? 'Share link not found' : 'The shared job could not be opened'}
        message={gone ? 'This share link does not exist or was revoked.' : errorMessage(error)}
        onRetry={gone || !token ? undefined : () => mutate(token)}
      >
        <Link to="/jobs" className="link">
          Go to your jobs
        </Link>
      </ErrorState>
    );
  }
  return <LoadingState>Opening the shared job…</LoadingState>;
}
