import { roleAtLeast, type Role } from "#src/domain/members.ts";

/** The secretariat's work page: what editors and administrators have to do, gathered. */
export const SECRETARIAT_WORK = "/editor/work";

/** Where a person's work is: "My work" for a member, the secretariat's work page for editors and administrators. */
export function landingFor(user: { role: Role }): string {
  return roleAtLeast(user.role, "editor") ? SECRETARIAT_WORK : "/member";
}

/**
 * Where a sign-in (by password, invitation or reset link) lands: the page the person asked for,
 * or their work when they asked for nothing but the public home (`next` is already made safe).
 */
export function landingAfterSignIn(user: { role: Role }, next: string): string {
  return next === "/" ? landingFor(user) : next;
}
