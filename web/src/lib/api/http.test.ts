import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { installFakeXhr } from '../../test/fake-xhr';
import { problemAnswer, stubFetch } from '../../test/fetch-stub';
import { job } from '../../test/fixtures';
import { deleteRequest, getJson, patchJson, postJson } from './http';
import { jobSchema } from './job';
import { ApiError, parseRetryAfter } from './problem';
import { onUnauthenticated } from './unauthenticated';
import { uploadJob } from './upload-job';

function setCookie(name: string, value: string) {
  document.cookie = `${name}=${value}; path=/`;
}

function clearCookie(name: string) {
  document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

const ok = z.looseObject({ ok: z.boolean() });

afterEach(() => {
  clearCookie('XSRF-TOKEN');
  clearCookie('OTHER');
  vi.unstubAllGlobals();
});

describe('CSRF', () => {
  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on every state change, read at request time', async () => {
    const { requests } = stubFetch({
      'POST /api/things': { status: 201, body: { ok: true } },
      'PATCH /api/things/1': { body: { ok: true } },
      'DELETE /api/things/1': { status: 204 },
    });
    setCookie('OTHER', 'x');
    setCookie('XSRF-TOKEN', 'first-token');
    await postJson('/api/things', ok, { name: 'a' });

    // The server rotates the token (e.g. at sign-in): the next request must carry the new one.
    setCookie('XSRF-TOKEN', 'second-token');
    await patchJson('/api/things/1', ok, { name: 'b' });
    await deleteRequest('/api/things/1');

    expect(requests.map((r) => [r.method, r.headers['x-xsrf-token']])).toEqual([
      ['POST', 'first-token'],
      ['PATCH', 'second-token'],
      ['DELETE', 'second-token'],
    ]);
    expect(requests[0]?.body).toEqual({ name: 'a' });
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends no token with reads', async () => {
    const { requests } = stubFetch({ '/api/jobs/1': { body: job({ id: '1' }) } });
    setCookie('XSRF-TOKEN', 'token');

    await getJson('/api/jobs/1', jobSchema);

    expect(requests[0]?.headers['x-xsrf-token']).toBeUndefined();
  });

  it('tries once more when the server refused the token but has just set a new one', async () => {
    let attempts = 0;
    const { requests } = stubFetch({
      'POST /api/things': () => {
        attempts += 1;
        if (attempts === 1) {
          setCookie('XSRF-TOKEN', 'fresh');
          return problemAnswer(403, 'csrf_token_invalid', 'Invalid CSRF token.');
        }
        return { body: { ok: true } };
      },
    });

    await expect(postJson('/api/things', ok)).resolves.toEqual({ ok: true });
    expect(requests.map((r) => r.headers['x-xsrf-token'])).toEqual([undefined, 'fresh']);
  });

  it('puts the token on the upload, which goes through XMLHttpRequest', async () => {
    const xhr = installFakeXhr();
    setCookie('XSRF-TOKEN', 'upload-token');

    const accepted = uploadJob(new File(['a\n1\n'], 'a.csv'));
    xhr.instances[0]?.respond(202, { job_id: 'j', status: 'queued' });

    await accepted;
    expect(xhr.instances[0]?.requestHeaders['X-XSRF-TOKEN']).toBe('upload-token');
  });
});

describe('errors', () => {
  it('carries the Retry-After of a 429 in seconds', async () => {
    stubFetch({ 'POST /api/auth/login': problemAnswer(429, 'too_many_attempts', 'Locked.', { 'Retry-After': '8' }) });

    const error = await postJson('/api/auth/login', ok, {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterSeconds).toBe(8);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('announces a lost session on 401, but not a wrong password', async () => {
    stubFetch({
      '/api/jobs/1': problemAnswer(401, 'unauthenticated', 'Not signed in.'),
      'POST /api/auth/login': problemAnswer(401, 'invalid_credentials', 'Wrong user name or password.'),
    });
    const announced = vi.fn();
    const stop = onUnauthenticated(announced);

    await getJson('/api/jobs/1', jobSchema).catch(() => undefined);
    expect(announced).toHaveBeenCalledTimes(1);
    await postJson('/api/auth/login', ok, {}).catch(() => undefined);
    expect(announced).toHaveBeenCalledTimes(1);
    stop();
  });
});
