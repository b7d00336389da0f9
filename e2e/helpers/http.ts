// A minimal HTTP client with a cookie jar for tests that drive a real server without a browser:
// it keeps the CSRF token of the last page it read and sends it with every form it posts.

export type HttpAnswer = { status: number; body: string; location: string | null };

export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf = "";
  constructor(private base: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(path: string): Promise<HttpAnswer> {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookieHeader, accept: "text/html" }, redirect: "manual" });
    this.keep(res);
    const body = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: res.status, body, location: res.headers.get("location") };
  }

  async post(path: string, fields: Record<string, string>): Promise<HttpAnswer> {
    const res = await fetch(this.base + path, {
      method: "POST",
      headers: { cookie: this.cookieHeader, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
      redirect: "manual",
    });
    this.keep(res);
    const body = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: res.status, body, location: res.headers.get("location") };
  }

  /** Posts one file as a multipart form (an upload form), with the CSRF token and any other fields. */
  async upload(path: string, field: string, file: { name: string; type: string; data: Uint8Array<ArrayBuffer> }, fields: Record<string, string> = {}): Promise<HttpAnswer> {
    const form = new FormData();
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...fields })) form.append(k, v);
    form.append(field, new Blob([file.data], { type: file.type }), file.name);
    const res = await fetch(this.base + path, { method: "POST", headers: { cookie: this.cookieHeader, accept: "text/html" }, body: form, redirect: "manual" });
    this.keep(res);
    const body = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: res.status, body, location: res.headers.get("location") };
  }

  /** Signs in through the sign-in form and reads a page, so that a CSRF token bound to the session is at hand. */
  async signIn(email: string, password: string): Promise<this> {
    await this.get("/sign-in");
    const res = await this.post("/sign-in", { email, password });
    if (res.status !== 303) throw new Error(`Sign-in as ${email} answered ${res.status}`);
    await this.get("/account");
    return this;
  }
}
