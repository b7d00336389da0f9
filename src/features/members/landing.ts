import { landingFor, type Role } from "#src/domain/members.ts";

/**
 * Where a sign-in (by password, invitation or reset link) lands: the page the person asked for,
 * or their work (`landingFor`) when they asked for nothing but the public home (`next` is
 * already made safe).
 */
export function landingAfterSignIn(user: { role: Role }, next: string): string {
  return next === "/" ? landingFor(user) : next;
}
