import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useRealtimeClient } from '../../lib/realtime/context';
import { cachedFileName, noticeFor, notificationSupport, readOptIn, writeOptIn, type NotificationSupport } from './job-notifications';

/**
 * Opt-in desktop notifications: when a job this tab follows ends while the tab is hidden, the browser says so.
 * Nothing is asked of the browser until the reader turns it on.
 */
export function NotificationToggle() {
  const client = useRealtimeClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [support, setSupport] = useState<NotificationSupport>(notificationSupport);
  const [optedIn, setOptedIn] = useState(readOptIn);
  const enabled = optedIn && support === 'granted';

  useEffect(() => {
    if (!enabled) return;
    return client.addAnyJobEventListener((event) => {
      if (document.visibilityState !== 'hidden') return;
      const notice = noticeFor(event, cachedFileName(queryClient, event.job_id));
      if (!notice) return;
      const notification = new window.Notification(notice.title, { body: notice.body, tag: `sygnify-job-${event.job_id}` });
      notification.onclick = () => {
        window.focus();
        void navigate(`/jobs/${event.job_id}`);
        notification.close();
      };
    });
  }, [enabled, client, queryClient, navigate]);

  if (support === 'unsupported') return null;

  const toggle = async () => {
    if (enabled) {
      writeOptIn(false);
      setOptedIn(false);
      return;
    }
    const permission = support === 'granted' ? 'granted' : await window.Notification.requestPermission();
    setSupport(permission);
    const on = permission === 'granted';
    writeOptIn(on);
    setOptedIn(on);
  };

  return (
    <button
      type="button"
      data-testid="notifications-toggle"
      aria-pressed={enabled}
      disabled={support === 'denied'}
      title={support === 'denied' ? 'Notifications are blocked in this browser’s site settings' : 'Notify me when a job ends while this tab is in the background'}
      onClick={() => void toggle()}
      className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M10 2a5 5 0 00-5 5v2.6l-1.7 3A1 1 0 004.2 14h11.6a1 1 0 00.9-1.4l-1.7-3V7a5 5 0 00-5-5zm0 16a2.5 2.5 0 01-2.4-2h4.8a2.5 2.5 0 01-2.4 2z" />
      </svg>
      {support === 'denied' ? 'Notifications blocked' : enabled ? 'Notifications on' : 'Notify me'}
    </button>
  );
}
