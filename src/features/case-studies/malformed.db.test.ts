import { describe, expect, it } from "vitest";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

describe("malformed uploads", () => {
  it("get a 4xx with a stable code, never a server error", async () => {
    const org = await buildOrganization(env.database.db);
    const user = await buildUser(env.database.db, { role: "contributor", organizationId: org.id });
    const browser = await new Browser(env.app).signInAs(env.database, user.email);
    const page = await browser.get("/member");
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const send = (contentType: string, payload: string) =>
      env.app.inject({ method: "POST", url: "/member/case-studies/import", headers: { cookie: browser.cookieHeader, "content-type": contentType, accept: "application/json", "x-csrf-token": token }, payload });
    const cases: [string, string][] = [
      ["multipart/form-data; boundary=xyz", "garbage without any boundary"],
      ["multipart/form-data; boundary=xyz", '--xyz\r\nContent-Disposition: form-data; name="document"; filename="a.docx"\r\n\r\nPK\u0003\u0004 truncated'],
      ["multipart/form-data", "--xyz--"],
      ["multipart/form-data; boundary=xyz", '--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nnot-the-token\r\n--xyz--\r\n'],
      ["application/x-www-form-urlencoded", "document=hello"],
    ];
    for (const [type, body] of cases) {
      const res = await send(type, body);
      expect(res.statusCode, `${type} ${body.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${type} ${body.slice(0, 30)}: ${res.body}`).toBeLessThan(500);
      expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
    }
  });
});
