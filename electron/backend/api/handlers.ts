// One handler per contract method. TypeScript checks that the table is complete
// and that each handler returns the contract's output type.
import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/api/contract';
import type { Actor, Deps } from '../context';
import * as accounts from '../services/accounts';
import * as petitioners from '../services/petitioners';
import * as visits from '../services/visits';
import type { SessionHolder } from '../services/sessions';
import { toCurrentUser } from '../db/queries/users';

export interface CallContext {
  deps: Deps;
  session: SessionHolder;
  /** Null only for methods whose access is 'public'. */
  actor: Actor | null;
}

type Handler<M extends MethodName> = (ctx: CallContext, input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** For handlers whose access the dispatcher has already checked is not 'public'. */
function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new Error('handler called without an actor');
  return ctx.actor;
}

export const handlers: HandlerTable = {
  'setup.status': async ({ deps }) => ({ needsAdmin: await accounts.needsAdmin(deps) }),
  'setup.createAdmin': ({ deps, session }, input) => accounts.createFirstAdmin(deps, session, input),
  'auth.login': ({ deps, session }, input) => accounts.login(deps, session, input),
  'auth.me': async ({ deps, session }) => {
    const user = await accounts.currentUser(deps, session);
    return user ? toCurrentUser(user) : null;
  },
  'auth.logout': ({ deps, session }) => accounts.logout(deps, session),
  'auth.changePassword': (ctx, input) => accounts.changePassword(ctx.deps, actorOf(ctx), ctx.session, input),

  'users.list': ({ deps }) => accounts.listAccounts(deps),
  'users.create': (ctx, input) => accounts.createAccount(ctx.deps, actorOf(ctx), input),
  'users.setDisabled': (ctx, input) => accounts.setAccountDisabled(ctx.deps, actorOf(ctx), input),
  'users.resetPassword': (ctx, input) => accounts.resetAccountPassword(ctx.deps, actorOf(ctx), input),

  'petitioners.lookup': ({ deps }, input) => petitioners.lookup(deps, input),
  'petitioners.search': ({ deps }, input) => petitioners.search(deps, input),

  'visits.register': (ctx, input) => visits.registerVisit(ctx.deps, actorOf(ctx), input),
  'visits.correct': (ctx, input) => visits.correctVisit(ctx.deps, actorOf(ctx), input),
  'visits.get': ({ deps }, input) => visits.loadDetail(deps.db, input.visitId),
  'visits.listDay': ({ deps }, input) => visits.listDay(deps, input.date),
};
