/**
 * A cookie-keeping HTTP client, one per person in a test: it behaves like a browser towards the
 * API (JSON bodies, the login cookie, an Origin header on writes).
 */
export interface HttpResponse {
  status: number
  // Tests read whatever the route returned; its shape is what they assert.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
  text: string
  headers: Headers
}

export class HttpClient {
  cookie: string | null = null
  readonly baseUrl: string
  readonly origin: string | null

  constructor(baseUrl: string, origin: string | null = null) {
    this.baseUrl = baseUrl
    this.origin = origin
  }

  async request(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (this.cookie) headers.cookie = this.cookie
    if (this.origin) headers.origin = this.origin
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie) {
      const [pair] = setCookie.split(';')
      this.cookie = pair!.endsWith('=') ? null : pair!
    }
    const text = await res.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      // not JSON (a calendar feed, say)
    }
    return { status: res.status, json, text, headers: res.headers }
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, body: unknown = {}) => this.request('POST', path, body)
  patch = (path: string, body: unknown) => this.request('PATCH', path, body)
  put = (path: string, body: unknown) => this.request('PUT', path, body)
  delete = (path: string) => this.request('DELETE', path)
}
