import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import type { z } from "zod";
import { listAudit } from "#src/features/audit/repository.ts";
import { countFailedMail } from "#src/features/mail/repository.ts";
import * as repo from "#src/features/members/repository.ts";
import { AuditQuery, NewUserQuery, OrganizationInput, OrganizationListQuery, UserInviteInput, UserListQuery, UserUpdateInput } from "#src/features/members/schemas.ts";
import { invitationOf, inviteUser } from "#src/features/members/invitations.ts";
import { InviteFormPage } from "#src/features/members/views/invitations.tsx";
import * as members from "#src/features/members/service.ts";
import { AdminHomePage, AuditPage } from "#src/features/members/views/admin-home.tsx";
import { OrganizationFormPage, OrganizationListPage } from "#src/features/members/views/admin-organizations.tsx";
import { UserFormPage, UserListPage } from "#src/features/members/views/admin-users.tsx";
import { appError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const admin = { config: { policy: "admin" as const } };
const AUDIT_PAGE = 50;

const idParam = (request: FastifyRequest) => idFrom(request.params);

/** What a page takes from its query string (a list's filter...); bad values are ignored rather than refused. */
function fromQuery<S extends z.ZodType>(schema: S, query: unknown): Partial<z.output<S>> {
  const parsed = schema.safeParse(query);
  return parsed.success ? parsed.data : {};
}

/** Administration: organizations, users and the audit log (administrators only). */
export async function adminRoutes(app: FastifyInstance) {
  const { db } = app.database;

  app.get("/admin", admin, async (request, reply) => {
    const [organizations, users, recent, failedMail] = await Promise.all([repo.countOrganizations(db), repo.countUsers(db), listAudit(db, { limit: 10 }), countFailedMail(db)]);
    return sendPage(reply, h(AdminHomePage, { ctx: pageContext(request, reply), organizations, users, recent, failedMail }));
  });

  app.get("/admin/audit", admin, async (request, reply) => {
    const { before } = fromQuery(AuditQuery, request.query);
    const rows = await listAudit(db, { limit: AUDIT_PAGE, before });
    const olderThan = rows.length === AUDIT_PAGE ? rows.at(-1)?.id : undefined;
    return sendPage(reply, h(AuditPage, { ctx: pageContext(request, reply), rows, olderThan }));
  });

  // Organizations

  app.get("/admin/organizations", admin, async (request, reply) => {
    const filter = fromQuery(OrganizationListQuery, request.query);
    const [rows, regions] = await Promise.all([repo.listOrganizations(db, filter), repo.listRegions(db)]);
    return sendPage(reply, h(OrganizationListPage, { ctx: pageContext(request, reply), rows, regions, filter }));
  });

  app.get("/admin/organizations/new", admin, async (request, reply) =>
    sendPage(reply, h(OrganizationFormPage, { ctx: pageContext(request, reply), regions: await repo.listRegions(db) })),
  );

  app.post("/admin/organizations", admin, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const org = await members.createOrganization(db, actorOf(request), parseInput(OrganizationInput, body));
        setFlash(reply, "org.created", { name: org.name });
        return reply.redirect(`/admin/organizations/${org.id}`, 303);
      },
      async (error) => h(OrganizationFormPage, { ctx: pageContext(request, reply), regions: await repo.listRegions(db), values: body, error }),
    );
  });

  const organizationPage = async (id: string) => {
    const org = await repo.getOrganization(db, id);
    if (!org) throw appError("NOT_FOUND");
    const [regions, users, history] = await Promise.all([
      repo.listRegions(db),
      repo.listUsers(db, { organizationId: id }),
      listAudit(db, { limit: 20, entityId: id }),
    ]);
    return { org, regions, users, history };
  };

  app.get("/admin/organizations/:id", admin, async (request, reply) =>
    sendPage(reply, h(OrganizationFormPage, { ctx: pageContext(request, reply), ...(await organizationPage(idParam(request))) })),
  );

  app.post("/admin/organizations/:id", admin, async (request, reply) => {
    const id = idParam(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const org = await members.updateOrganization(db, actorOf(request), id, parseInput(OrganizationInput, body));
        setFlash(reply, "org.saved", { name: org.name });
        return reply.redirect(`/admin/organizations/${id}`, 303);
      },
      async (error) => h(OrganizationFormPage, { ctx: pageContext(request, reply), ...(await organizationPage(id)), values: body, error }),
    );
  });

  for (const [action, active] of [["deactivate", false], ["reactivate", true]] as const) {
    app.post(`/admin/organizations/:id/${action}`, admin, async (request, reply) => {
      const org = await members.setOrganizationActive(db, actorOf(request), idParam(request), active);
      setFlash(reply, active ? "org.reactivated" : "org.deactivated", { name: org.name });
      return reply.redirect(`/admin/organizations/${org.id}`, 303);
    });
  }

  // Users

  app.get("/admin/users", admin, async (request, reply) => {
    const filter = fromQuery(UserListQuery, request.query);
    const [rows, organizations] = await Promise.all([repo.listUsers(db, filter), repo.listOrganizations(db)]);
    return sendPage(reply, h(UserListPage, { ctx: pageContext(request, reply), rows, organizations, filter }));
  });

  app.get("/admin/users/new", admin, async (request, reply) => {
    // Arriving from an organization's page preselects it.
    const preset = fromQuery(NewUserQuery, request.query);
    return sendPage(
      reply,
      h(InviteFormPage, {
        ctx: pageContext(request, reply),
        organizations: await repo.listOrganizations(db),
        values: { role: "contributor", language: request.lang, organizationId: preset.organizationId ?? "" },
      }),
    );
  });

  app.post("/admin/users", admin, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { user } = await inviteUser(db, actorOf(request), parseInput(UserInviteInput, body));
        // Without a mail server the invitation waits in the outbox, where an administrator can copy its link.
        setFlash(reply, request.server.config.smtpUrl ? "invitation.sent" : "invitation.held", { email: user.email });
        return reply.redirect(`/admin/users/${user.id}`, 303);
      },
      async (error) => h(InviteFormPage, { ctx: pageContext(request, reply), organizations: await repo.listOrganizations(db), values: body, error }),
    );
  });

  const userPage = async (id: string) => {
    const user = await repo.getUser(db, id);
    if (!user) throw appError("NOT_FOUND");
    const [organizations, history, invitation] = await Promise.all([repo.listOrganizations(db), listAudit(db, { limit: 20, entityId: id }), invitationOf(db, user)]);
    return { user, organizations, history, invitation: { ...invitation, userId: user.id, mailHeld: !app.config.smtpUrl } };
  };

  app.get("/admin/users/:id", admin, async (request, reply) =>
    sendPage(reply, h(UserFormPage, { ctx: pageContext(request, reply), ...(await userPage(idParam(request))) })),
  );

  app.post("/admin/users/:id", admin, async (request, reply) => {
    const id = idParam(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const user = await members.updateUser(db, actorOf(request), id, parseInput(UserUpdateInput, body));
        setFlash(reply, "user.saved", { name: user.name });
        return reply.redirect(`/admin/users/${id}`, 303);
      },
      async (error) => h(UserFormPage, { ctx: pageContext(request, reply), ...(await userPage(id)), values: body, error }),
    );
  });

  for (const [action, active] of [["deactivate", false], ["reactivate", true]] as const) {
    app.post(`/admin/users/:id/${action}`, admin, async (request, reply) => {
      const id = idParam(request);
      return submitForm(
        reply,
        async () => {
          const user = await members.setUserActive(db, actorOf(request), id, active);
          setFlash(reply, active ? "user.reactivated" : "user.deactivated", { name: user.name });
          return reply.redirect(`/admin/users/${id}`, 303);
        },
        async (error) => h(UserFormPage, { ctx: pageContext(request, reply), ...(await userPage(id)), error }),
      );
    });
  }
}
