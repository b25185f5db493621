/** A signed-in session on the public HTTP API (cookie and CSRF token), for the storm simulator. */

export interface Answer<T> {
  status: number;
  body: T;
}

export class ApiSession {
  private constructor(
    readonly base: string,
    readonly username: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  /** Signs in through POST /api/auth/login. */
  static async login(base: string, username: string, password: string): Promise<ApiSession> {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('lx_session='));
    const body = (await r.json()) as { me: { csrfToken: string } };
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return new ApiSession(base, username, cookie.split(';')[0]!, body.me.csrfToken);
  }

  async request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') {
      headers['x-csrf-token'] = this.csrf;
      headers['content-type'] = 'application/json';
    }
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** A GET that must succeed. */
  async get<T>(path: string): Promise<T> {
    const r = await this.request<T>('GET', path);
    if (r.status !== 200)
      throw new Error(`GET ${path} as ${this.username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}
